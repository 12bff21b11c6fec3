using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.SelfService;

/// <summary>
/// The receipts of one supporter: for every paid payment of their donations and memberships the receipt the register
/// holds for it (a single one, or the Sammelbestätigung that confirmed it), each once. A receipt belongs to the
/// supporter when one of its payments is theirs; nothing else may be downloaded.
/// </summary>
public sealed class SupporterReceipts(IReceiptRegister register, ReceiptFiles files)
{
    public async Task<IReadOnlyList<IssuedReceipt>> ListAsync(SupporterRecords records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var found = new Dictionary<string, IssuedReceipt>(StringComparer.Ordinal);
        foreach (var key in PaidPaymentKeys(records))
        {
            if (await register.GetByPaymentAsync(key, cancellationToken).ConfigureAwait(false) is { } receipt)
            {
                found.TryAdd(receipt.Number, receipt);
            }
        }

        return [.. found.Values.OrderByDescending(r => r.Document.IssueDate).ThenByDescending(r => r.Number, StringComparer.Ordinal)];
    }

    /// <summary>The archived PDF of <paramref name="number"/> when it is one of the supporter's receipts; else null.</summary>
    public async Task<RenderedReceipt?> DownloadAsync(SupporterRecords records, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (!ReceiptNumber.IsValid(number) || await register.GetAsync(number, cancellationToken).ConfigureAwait(false) is not { } receipt)
        {
            return null;
        }

        var subjects = Subjects(records).ToHashSet(StringComparer.Ordinal);
        if (!receipt.PaymentKeys.Any(k => subjects.Contains(k.Value[..k.Value.LastIndexOf(':')])))
        {
            return null;
        }

        return new RenderedReceipt(receipt.Document, await files.CurrentAsync(receipt, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Receipt subject keys (<c>donation:don_…</c>, <c>membership:mem_…</c>) of the supporter.</summary>
    public static IEnumerable<string> Subjects(SupporterRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Donations.Select(d => ReceiptPaymentKey.SubjectKey(ReceiptSubjectKind.Donation, d.Id))
            .Concat(records.Members.Select(m => ReceiptPaymentKey.SubjectKey(ReceiptSubjectKind.Membership, m.Id)));
    }

    /// <summary>The mails keyed by a receipt number that concern these receipts.</summary>
    public static IEnumerable<MailLogKey> MailKeys(IEnumerable<IssuedReceipt> receipts) =>
        receipts.SelectMany(r => new[] { new MailLogKey(MailKind.AnnualReceipt, r.Number), new MailLogKey(MailKind.ReceiptCorrected, r.Number) });

    private static IEnumerable<ReceiptPaymentKey> PaidPaymentKeys(SupporterRecords records) =>
        records.Donations.SelectMany(d => d.Payments.Where(p => p.PaidAt is not null)
                .Select(p => ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, d.Id, p.Id)))
            .Concat(records.Members.SelectMany(m => m.Payments.Where(p => p.PaidAt is not null)
                .Select(p => ReceiptPaymentKey.For(ReceiptSubjectKind.Membership, m.Id, p.Id))));
}
