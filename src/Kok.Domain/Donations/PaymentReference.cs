namespace Kok.Domain.Donations;

/// <summary>A provider id pointing to a donation, e.g. (PaymentIntent, "pi_123").</summary>
public sealed record PaymentReference(PaymentReferenceKind Kind, string Value);
