namespace Kok.Domain.Payments;

/// <summary>The donation or member a provider reference belongs to.</summary>
public sealed record PaymentOwner(PaymentOwnerKind Kind, string Id);
