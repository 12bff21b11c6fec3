namespace Kok.DevHost.Stripe;

/// <summary>One attempt to post an event to the webhook; <see cref="Status"/> is 0 when no answer came.</summary>
internal sealed record StandInDelivery(DateTimeOffset At, string Url, int Status, string? Error);
