namespace Kok.Domain.Receipts;

/// <summary>
/// Asks for the Sammelbestätigung of one donor key and payment year (<see cref="IssueAnnualReceipt"/>), or, without a
/// donor key, to start the run of the year (<see cref="StartAnnualReceiptRun"/>: staff start it this way, so sending
/// thousands of messages never runs inside an HTTP request). Ids only, so no personal data sits in the queue; any
/// number of deliveries give the same result.
/// </summary>
public sealed record AnnualReceiptMessage(int Year, string? DonorKey = null)
{
    public bool IsStart => DonorKey is null;
}
