namespace Kok.Domain.Payments;

/// <summary>
/// The provider's failure codes (a declined card, a returned SEPA debit) and dispute reasons turned into short words
/// for staff and supporters, German and English. One table, so the mails, the dashboard and the API say the same.
/// A code not listed gets a general text that still names the code; no code at all reads "no reason given" (German
/// banks give none for a reclaimed debit, for privacy).
/// </summary>
public static class PaymentProblemTexts
{
    private static readonly Dictionary<string, (string German, string English)> FailureCodes = new(StringComparer.Ordinal)
    {
        ["insufficient_funds"] = ("Das Konto war nicht gedeckt.", "There were not enough funds in the account."),
        ["account_closed"] = ("Das Konto ist aufgelöst.", "The bank account has been closed."),
        ["no_account"] = ("Das Konto gibt es nicht.", "The bank account does not exist."),
        ["bank_account_restricted"] = ("Das Konto erlaubt keine Lastschriften.", "The bank account does not allow direct debits."),
        ["debit_not_authorized"] = ("Die Bank sagt, die Lastschrift sei nicht erlaubt gewesen.", "The bank says the direct debit was not authorised."),
        ["debit_authorization_not_match"] = ("Das Lastschriftmandat passt nicht zum Konto.", "The direct debit mandate does not match the account."),
        ["generic_decline"] = ("Die Bank hat die Zahlung abgelehnt.", "The bank declined the payment."),
        ["card_declined"] = ("Die Karte wurde abgelehnt.", "The card was declined."),
        ["expired_card"] = ("Die Karte ist abgelaufen.", "The card has expired."),
        ["incorrect_cvc"] = ("Die Kartenprüfnummer war falsch.", "The card's security code was wrong."),
        ["processing_error"] = ("Bei der Bank ist ein Fehler aufgetreten.", "The bank had a processing error."),
        ["authentication_required"] = ("Die Karte verlangt eine Bestätigung durch die Karteninhaberin oder den Karteninhaber.", "The card needs the holder to confirm the payment."),
        ["returned"] = ("Die Bank hat die Lastschrift zurückgegeben.", "The bank returned the direct debit."),
        ["off_session_stopped"] = ("Nach zwei Rückbuchungen buchen wir von diesem Lastschriftmandat nicht mehr selbst ab.", "After two returned debits we no longer collect from this mandate ourselves."),
    };

    private static readonly Dictionary<string, (string German, string English)> DisputeReasons = new(StringComparer.Ordinal)
    {
        ["general"] = ("Die Zahlung wurde über die Bank zurückgefordert (ohne Angabe von Gründen).", "The payment was reclaimed through the bank (no reason given)."),
        ["fraudulent"] = ("Die Zahlung sei nicht von der Konto- oder Karteninhaberin bzw. dem -inhaber veranlasst worden.", "The holder says they did not make this payment."),
        ["debit_not_authorized"] = ("Die Bank sagt, die Lastschrift sei nicht erlaubt gewesen.", "The bank says the direct debit was not authorised."),
        ["unrecognized"] = ("Die Zahlung wurde nicht wiedererkannt.", "The payer did not recognise the payment."),
        ["duplicate"] = ("Die Zahlung sei doppelt abgebucht worden.", "The payer says the payment was taken twice."),
        ["subscription_canceled"] = ("Die regelmäßige Zahlung sei bereits gekündigt gewesen.", "The payer says the regular payment had been cancelled."),
        ["credit_not_processed"] = ("Eine Erstattung sei nicht angekommen.", "The payer says a refund did not arrive."),
        ["insufficient_funds"] = ("Das Konto war nicht gedeckt.", "There were not enough funds in the account."),
    };

    /// <summary>Words for a failure code (<c>insufficient_funds</c>, <c>expired_card</c>, …).</summary>
    public static PaymentProblemText ForFailureCode(string? code) =>
        Lookup(FailureCodes, code, ("Die Zahlung ist fehlgeschlagen", "The payment failed"));

    /// <summary>Words for a dispute reason (<c>general</c>, <c>fraudulent</c>, <c>debit_not_authorized</c>, …).</summary>
    public static PaymentProblemText ForDisputeReason(string? reason) =>
        Lookup(DisputeReasons, reason, ("Die Zahlung wurde über die Bank zurückgefordert", "The payment was reclaimed through the bank"));

    private static PaymentProblemText Lookup(
        Dictionary<string, (string German, string English)> table,
        string? code,
        (string German, string English) general)
    {
        if (string.IsNullOrEmpty(code))
        {
            return new PaymentProblemText(string.Empty, general.German + " (ohne Angabe von Gründen).", general.English + " (no reason given).");
        }

        return table.TryGetValue(code, out var text)
            ? new PaymentProblemText(code, text.German, text.English)
            : new PaymentProblemText(code, $"{general.German} (Grund: {code}).", $"{general.English} (reason: {code}).");
    }
}
