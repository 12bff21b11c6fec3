using Kok.Domain.Payments;

namespace Kok.Domain.Dues;

/// <summary>
/// One member's dues for one membership year: what was asked for, what the provider said, and the payment (in the
/// member's payment list, under <see cref="PaymentId"/>) that receipts are issued for. Dues staff recorded as a bank
/// transfer carry <see cref="PaymentMethodKind.BankTransfer"/> in <see cref="PaidWith"/> and the transfer's reference;
/// for the provider's payments <see cref="PaidWith"/> stays null (the member's saved method paid them).
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
    DateTimeOffset? SettledAt = null,
    PaymentMethodKind? PaidWith = null,
    string? TransferReference = null)
{
    public DuesPeriod Period => new(PeriodStart, PeriodEnd);

    /// <summary>True once nothing can change it any more by a later provider answer except a refund.</summary>
    public bool IsSettled => Status is DuesEntryStatus.Paid;
}
