namespace Kok.Domain.Receipts;

/// <summary>
/// Asks for the Sammelbestätigung of one donor key and payment year: ids only, so no personal data sits in the
/// queue. Handled by <see cref="IssueAnnualReceipt"/>, any number of times with the same result.
/// </summary>
public sealed record AnnualReceiptMessage(int Year, string DonorKey);
