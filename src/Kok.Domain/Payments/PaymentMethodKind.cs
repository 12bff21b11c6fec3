namespace Kok.Domain.Payments;

/// <summary>How a supporter pays: card, or SEPA direct debit (Lastschrift), which settles days later.</summary>
public enum PaymentMethodKind
{
    Card,
    SepaDebit,
}
