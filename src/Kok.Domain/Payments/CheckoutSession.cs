namespace Kok.Domain.Payments;

/// <summary>A hosted payment page the supporter is sent to; <see cref="Url"/> is where the browser goes.</summary>
public sealed record CheckoutSession(string SessionId, Uri Url);
