namespace Kok.Domain.Receipts;

/// <summary>
/// What the annual run of a year would do, for staff before they start it: donor groups, payments and total, groups
/// already confirmed, the donors left out and why, and what blocks receipts today. Nothing is numbered or written.
/// </summary>
public sealed record AnnualReceiptPreview(
    int Year,
    int Donors,
    int Payments,
    long TotalCents,
    int AlreadyIssued,
    IReadOnlyList<AnnualReceiptLeftOutDonor> LeftOut,
    ReceiptIssueBlocker? Blocker);
