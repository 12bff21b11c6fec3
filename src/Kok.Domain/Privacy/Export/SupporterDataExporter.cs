using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Domain.Privacy.ErasureRequests;
using Kok.Domain.Receipts;
using Kok.Domain.SelfService;

namespace Kok.Domain.Privacy.Export;

/// <summary>
/// Assembles the copy of one supporter's data (<see cref="SupporterDataExport"/>) from their key alone (the hash of
/// their address, <see cref="SupporterKey"/>): the same search "Mein KOK" uses, so the copy holds exactly what is
/// theirs and never another person's with a similar name or address. It only reads: nothing is archived, changed or
/// recorded (staff exports are audited by <see cref="ExportSupporterDataByStaff"/>).
/// </summary>
public sealed class SupporterDataExporter(
    ISupporterDirectory directory,
    SupporterReceipts receipts,
    IReceiptArchive archive,
    ISupporterMailLog mails,
    IAuditTrail audit,
    MailObjections objections,
    ISupporterBankEntries bank,
    IErasureRequestStore erasureRequests,
    IPersonalDataInventory inventory,
    TimeProvider time)
{
    /// <summary>Audit entries read per donation or membership; far more than one supporter's records ever gather.</summary>
    public const int MaxAuditEntriesPerRecord = 500;

    /// <param name="email">The address staff were given; null on "Mein KOK", where the records' own address is used.</param>
    public async Task<SupporterDataExport> ExportAsync(string supporterKey, string? email, ExportAudience audience, CancellationToken cancellationToken)
    {
        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        var issued = await receipts.ListAsync(records, cancellationToken).ConfigureAwait(false);
        var language = records.Language;
        var addresses = records.Members.Select(m => m.Email).Concat(records.Donations.Select(d => d.Donor.Email))
            .Append(email).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ids = records.Donations.Select(d => d.Id).Concat(records.Members.Select(m => m.Id)).ToList();
        return new SupporterDataExport(
            time.GetUtcNow(),
            language.ToCode(),
            addresses,
            [.. records.Donations.Select(ExportedDonation.Of)],
            [.. records.Members.Select(Membership.MemberView.Of)],
            await ReceiptsAsync(issued, audience, cancellationToken).ConfigureAwait(false),
            await MailsAsync(records, issued, language, cancellationToken).ConfigureAwait(false),
            Consents(records),
            await AuditAsync(ids, cancellationToken).ConfigureAwait(false),
            addresses.Count > 0 && await objections.HasObjectedAsync(addresses[0], cancellationToken).ConfigureAwait(false),
            await bank.ListAsync([.. records.Donations.Select(d => d.Id)], cancellationToken).ConfigureAwait(false),
            await erasureRequests.GetOpenAsync(supporterKey, cancellationToken).ConfigureAwait(false) is { } open
                ? [new ExportedErasureRequest(open.RequestId, open.RequestedAt, open.Message)]
                : [],
            inventory.Describe());
    }

    private async Task<IReadOnlyList<ExportedReceipt>> ReceiptsAsync(IReadOnlyList<IssuedReceipt> issued, ExportAudience audience, CancellationToken cancellationToken)
    {
        var exported = new List<ExportedReceipt>();
        foreach (var receipt in issued)
        {
            var original = await archive.GetAsync(receipt.Number, ReceiptCopy.Original, cancellationToken).ConfigureAwait(false);
            var withdrawn = receipt.Document.IsWithdrawn
                ? await archive.GetAsync(receipt.Number, ReceiptCopy.Withdrawn, cancellationToken).ConfigureAwait(false)
                : null;
            exported.Add(ExportedReceipt.Of(receipt, audience) with
            {
                PdfBase64 = original is null ? null : Convert.ToBase64String(original),
                WithdrawnPdfBase64 = withdrawn is null ? null : Convert.ToBase64String(withdrawn),
            });
        }

        return exported;
    }

    private async Task<IReadOnlyList<ExportedMail>> MailsAsync(
        SupporterRecords records, IReadOnlyList<IssuedReceipt> issued, MailLanguage language, CancellationToken cancellationToken)
    {
        var subjects = records.Donations.Select(d => d.Id)
            .Concat(records.Members.Select(m => m.Id))
            .Concat(SupporterReceipts.Subjects(records))
            .ToArray();
        var log = await mails.ListAsync(subjects, [.. SupporterReceipts.MailKeys(issued)], cancellationToken).ConfigureAwait(false);
        return [.. log.OrderByDescending(e => e.CompletedAt ?? e.LastAttemptAt)
            .Select(e => new ExportedMail(e.Key.Kind, MailKindSubjects.Of(e.Key.Kind, language), e.State, e.CompletedAt ?? e.LastAttemptAt, e.ReceiptNumber))];
    }

    private static IReadOnlyList<ExportedConsent> Consents(SupporterRecords records) =>
        [.. records.Members.Select(m => new ExportedConsent(m.Id, m.Consent.PrivacyNoticeVersion, m.Consent.ConsentedAt, m.Consent.ListPublicly)),
            .. records.Donations.Select(d => new ExportedConsent(d.Id, d.PrivacyNoticeVersion, d.CreatedAt, null))];

    private async Task<IReadOnlyList<ExportedAuditEntry>> AuditAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var entries = new List<ExportedAuditEntry>();
        foreach (var id in ids)
        {
            var about = await audit.ListAsync(id, MaxAuditEntriesPerRecord, cancellationToken).ConfigureAwait(false);
            entries.AddRange(about.Select(ExportedAuditEntry.Of));
        }

        return [.. entries.OrderByDescending(e => e.At)];
    }
}
