namespace Kok.Domain.Payments;

/// <summary>Whose provider reference it is: each payment intent or subscription belongs to one donation or one member.</summary>
public enum PaymentOwnerKind
{
    Donation,
    Member,
}
