namespace Kok.Domain.Receipts;

/// <summary>
/// Asks for the Sammelbestätigung of one donor key and payment year (<see cref="IssueAnnualReceipt"/>), or, without a
/// donor key, to start the run of the year or send its next wave (<see cref="StartAnnualReceiptRun"/>: staff start it
/// this way, so sending thousands of messages never runs inside an HTTP request). Ids only, so no personal data sits in the queue; any
/// number of deliveries give the same result.
/// </summary>
public sealed record AnnualReceiptMessage(int Year, string? DonorKey = null)
{
    /// <summary>A group's donations beyond this are not listed in its message (the index is asked instead), so a message stays small.</summary>
    public const int MaxListedDonations = 50;

    public bool IsStart => DonorKey is null;

    /// <summary>
    /// On a start message: the run goes on with the donor groups after this key (the next wave of
    /// <see cref="StartAnnualReceiptRun.Wave"/> messages); null on the first start.
    /// </summary>
    public string? After { get; init; }

    /// <summary>
    /// The group's donations as the run's start read them from the index, so building its Sammelbestätigung needs no
    /// second index query: a range query costs in proportion to all stored rows on some storage (Azurite), point reads
    /// do not. Each donation is still loaded and every payment re-checked. Null (older messages, large groups): the
    /// index is asked.
    /// </summary>
    public IReadOnlyList<string>? DonationIds { get; init; }
}
