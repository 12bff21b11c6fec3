namespace Kok.Domain.Payments;

/// <summary>
/// The provider's answer to a <see cref="DuesChargeRequest"/>. <see cref="FailureCode"/> is the provider's short code
/// (e.g. <c>card_declined</c>, <c>authentication_required</c>), never its message, which may echo personal data.
/// </summary>
public sealed record DuesChargeResult(
    DuesChargeStatus Status,
    string? PaymentIntentId,
    string? FailureCode = null);
