namespace Kok.Domain.Receipts;

/// <summary>
/// How far a year's annual run is: the donor groups it is to confirm, how many have their Sammelbestätigung, how
/// many are still to do, how many messages failed for good (parked, all years), and what blocks receipts today.
/// </summary>
public sealed record AnnualReceiptProgress(
    int Year,
    AnnualReceiptRun? Run,
    int Done,
    int ToDo,
    int Failed,
    ReceiptIssueBlocker? Blocker);
