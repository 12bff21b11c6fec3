namespace Kok.Domain.Payments;

/// <summary>
/// How a supporter pays: card, or SEPA direct debit (Lastschrift), which settles days later. A bank transfer
/// (Überweisung) is never offered on a form: staff record it by hand for dues that arrived on KOK's account.
/// </summary>
public enum PaymentMethodKind
{
    Card,
    SepaDebit,
    BankTransfer,
}
