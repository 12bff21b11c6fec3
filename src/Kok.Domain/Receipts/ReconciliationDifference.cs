namespace Kok.Domain.Receipts;

/// <summary>One payment where bookings and receipts differ: what was kept, what is confirmed, by which receipt, and why (ids and money only).</summary>
public sealed record ReconciliationDifference(
    string PaymentKey,
    ReconciliationIssue Issue,
    long PaidCents,
    long ReceiptedCents,
    string? ReceiptNumber)
{
    /// <summary>Differences the donor's own choices explain (no receipt wanted, no address); the others need staff.</summary>
    public bool Explained => Issue is ReconciliationIssue.NoReceiptWanted or ReconciliationIssue.NoAddress;
}
