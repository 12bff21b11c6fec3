namespace Kok.Domain.Receipts;

/// <summary>
/// A year's donations as booked against the receipts that confirm them: paid (kept after refunds) and receipted
/// totals, with every difference listed. Membership fee receipts are totalled apart (their payments are the dues
/// ledger's, reconciled there).
/// </summary>
public sealed record ReceiptReconciliation(
    int Year,
    long PaidCents,
    long ReceiptedCents,
    long MembershipReceiptedCents,
    int Payments,
    IReadOnlyList<ReconciliationDifference> Differences);
