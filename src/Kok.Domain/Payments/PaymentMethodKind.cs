namespace Kok.Domain.Payments;

/// <summary>
/// How a supporter pays: card, or SEPA direct debit (Lastschrift), which settles days later. A bank transfer
/// (Überweisung) is offered for one-time donations (matched from the bank statement by its reference code); staff
/// also record transfers by hand for dues that arrived on KOK's account.
/// </summary>
public enum PaymentMethodKind
{
    Card,
    SepaDebit,
    BankTransfer,
}
