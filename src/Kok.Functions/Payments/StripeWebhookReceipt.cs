namespace Kok.Functions.Payments;

/// <summary>Body of a 200 answer to Stripe; <see cref="Outcome"/> shows in Stripe's delivery log.</summary>
public sealed record StripeWebhookReceipt(string? EventId, string? EventType, string Outcome);
