using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Dashboard;

/// <summary>
/// One payment of a member in the detail: the first year's or a year's dues, paid through the provider (card, SEPA
/// debit: the member's saved method) or by bank transfer (with its reference). <see cref="PeriodStart"/> is null
/// for the first year's payment.
/// </summary>
public sealed record MemberPaymentLine(
    string Id,
    long AmountCents,
    PaymentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    PaymentMethodKind Method,
    string? Reference,
    DateOnly? PeriodStart,
    long RefundedCents);
