namespace Kok.Domain.Payments;

/// <summary>
/// One off-session charge of a supporting member's yearly dues on the payment method saved at sign-up.
/// <see cref="IdempotencyKey"/> is derived from member and period (<see cref="ForPeriod"/>), so however often the
/// charge is asked for, the provider creates at most one payment for that period.
/// </summary>
public sealed record DuesChargeRequest(
    string MemberId,
    DateOnly PeriodStart,
    long AmountCents,
    string CustomerId,
    string PaymentMethodId,
    PaymentMethodKind PaymentMethod,
    string IdempotencyKey)
{
    public static DuesChargeRequest ForPeriod(
        string memberId,
        DateOnly periodStart,
        long amountCents,
        SavedPaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new DuesChargeRequest(
            memberId,
            periodStart,
            amountCents,
            method.CustomerId ?? throw new ArgumentException("The saved payment method has no customer.", nameof(method)),
            method.PaymentMethodId,
            method.Kind,
            $"dues:{memberId}:{PaymentMetadataKeys.Period(periodStart)}");
    }
}
