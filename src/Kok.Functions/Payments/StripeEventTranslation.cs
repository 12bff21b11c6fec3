using Kok.Domain.Payments;

namespace Kok.Functions.Payments;

/// <summary>
/// Result of verifying and reading one webhook request. <see cref="Event"/> is set only when
/// <see cref="Status"/> is <see cref="StripeEventTranslationStatus.Translated"/>; <see cref="Problem"/> explains
/// rejections without echoing the payload, and <see cref="Errors"/> names the fields of a
/// <see cref="StripeEventTranslationStatus.Malformed"/> one.
/// </summary>
public sealed record StripeEventTranslation(
    StripeEventTranslationStatus Status,
    string? StripeEventId = null,
    string? StripeEventType = null,
    PaymentEvent? Event = null,
    string? Problem = null,
    IReadOnlyDictionary<string, string[]>? Errors = null);
