namespace Kok.DevHost.Tests.Stripe;

/// <summary>A webhook request exactly as it arrived, and what the real webhook function answered.</summary>
internal sealed record WebhookDelivery(string Payload, string Signature, int Status);
