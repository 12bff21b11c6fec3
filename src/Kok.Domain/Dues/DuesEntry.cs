namespace Kok.Domain.Dues;

/// <summary>
/// One member's dues for one membership year: what was asked for, what the provider said, and the payment (in the
/// member's payment list, under <see cref="PaymentId"/>) that receipts are issued for.
/// </summary>
public sealed record DuesEntry(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long AmountCents,
    string PaymentId,
    DuesEntryStatus Status,
    DateOnly RequestedOn,
    string? PaymentIntentId = null,
    string? FailureCode = null,
    DateTimeOffset? SettledAt = null)
{
    public DuesPeriod Period => new(PeriodStart, PeriodEnd);

    /// <summary>True once nothing can change it any more by a later provider answer except a refund.</summary>
    public bool IsSettled => Status is DuesEntryStatus.Paid;
}
