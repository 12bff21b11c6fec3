namespace Kok.Domain.Receipts;

/// <summary>
/// Asks the <see cref="IReceiptRegister"/> for the Sammelbestätigung of one donor and period, with the data to freeze
/// on it: the donor's name and address, the payments (sorted by date, each confirmed at most once), the receipt date
/// and the issuer as it is that day. Checked on construction as the receipt would be, so a request that could never
/// become a valid receipt fails before it takes a number. Personal data: a class, not a record.
/// </summary>
public sealed class AnnualReceiptIssueRequest
{
    /// <summary>
    /// Lines one Sammelbestätigung may list. The register writes a receipt and a row per payment in one entity-group
    /// transaction (at most 100 operations); a donor with more payments in a year gets receipts for parts of it
    /// (a period may be part of a year), each under its own donor key.
    /// </summary>
    public const int MaxPayments = 90;

    private readonly ReceiptContent content;

    public AnnualReceiptIssueRequest(
        AnnualReceiptSubject subject,
        ReceiptDonor donor,
        IReadOnlyList<AnnualReceiptPayment> payments,
        DateOnly issueDate,
        OrganisationProfile issuer)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(donor);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(issuer);
        if (payments.Count is 0 or > MaxPayments || payments.Any(p => p is null))
        {
            throw new ArgumentException($"A Sammelbestätigung lists 1 to {MaxPayments} payments.", nameof(payments));
        }

        var sorted = payments.OrderBy(p => p.Line.PaymentDate).ThenBy(p => p.Key.Value, StringComparer.Ordinal).ToArray();
        if (sorted.Select(p => p.Key).Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("A payment is confirmed at most once.", nameof(payments));
        }

        Subject = subject;
        PaymentKeys = sorted.Select(p => p.Key).ToArray();
        content = new ReceiptContent
        {
            Form = ReceiptForm.Sammelbestaetigung,
            Donor = donor,
            Lines = sorted.Select(p => p.Line).ToArray(),
            Period = subject.Period,
            IssueDate = issueDate,
            Issuer = issuer,
        };

        // The issuer check first: a receipt date the settings forbid makes the run wait, not fail the request.
        issuer.RequireReceiptsOn(issueDate, content.Lines);
        _ = ReceiptDocument.Draft(content);
    }

    public AnnualReceiptSubject Subject { get; }

    /// <summary>The payments in the order of the receipt's lines.</summary>
    public IReadOnlyList<ReceiptPaymentKey> PaymentKeys { get; }

    /// <summary>Numbers run per calendar year of issue (the January run numbers last year's receipts in this year).</summary>
    public int IssueYear => content.IssueDate.Year;

    public DateOnly IssueDate => content.IssueDate;

    /// <summary>The organisation and signatory frozen on the receipt.</summary>
    public OrganisationProfile Issuer => content.Issuer!;

    /// <summary>The receipt under the number the register assigned, correcting <paramref name="replaces"/> if given.</summary>
    public ReceiptDocument ToDocument(string number, string? replaces = null) =>
        ReceiptDocument.Issue(number, content with { Replaces = replaces });

    /// <summary>The receipt as a staff preview: no number, marked "Entwurf" when rendered; nothing is stored.</summary>
    public ReceiptDocument ToDraft() => ReceiptDocument.Draft(content);
}
