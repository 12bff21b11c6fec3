using Kok.Domain.Dues;
using Kok.Domain.Membership;

namespace Kok.Functions.Membership;

/// <summary>
/// What the pay link shows when there is nothing to pay, in the frame of <see cref="MemberPage"/>, in the language
/// chosen by the switch or else the member's (bad links and unknown members get <see cref="CancellationPage.Rejected"/>
/// and <see cref="CancellationPage.NotFound"/>).
/// </summary>
public static class DuesPaymentPage
{
    public static string NothingToPay(MemberPageContext page, NoDuesToPay result)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        var en = page.English;
        var (title, text) = result switch
        {
            { MembershipEnded: true } => en
                ? ("Membership ended", "Your supporting membership has been cancelled or has ended, so there are no dues to pay. If you would like to support us again, you are warmly welcome to sign up anew or write to our office.")
                : ("Mitgliedschaft beendet", "Ihre Fördermitgliedschaft ist gekündigt oder beendet, deshalb ist kein Beitrag zu zahlen. Wenn Sie uns wieder unterstützen möchten, können Sie sich gern neu anmelden oder unserer Geschäftsstelle schreiben."),
            { PaymentInProgress: true } => en
                ? ("Payment on its way", "Your payment of the dues is already being processed; a direct debit can take a few working days. You do not need to pay again.")
                : ("Zahlung unterwegs", "Ihre Zahlung des Beitrags wird bereits bearbeitet; eine Lastschrift kann einige Werktage dauern. Sie müssen nicht noch einmal zahlen."),
            { Status: MembershipStatus.Active } => en
                ? ("Nothing to pay", "Thank you: there is nothing to pay, your supporting membership is active.")
                : ("Nichts zu zahlen", "Vielen Dank: Es ist nichts zu zahlen, Ihre Fördermitgliedschaft ist aktiv."),
            _ => en
                ? ("Nothing to pay", "There are no dues to pay with this link at the moment. If you have questions, please write to our office.")
                : ("Nichts zu zahlen", "Über diesen Link ist zurzeit kein Beitrag zu zahlen. Bei Fragen schreiben Sie bitte unserer Geschäftsstelle."),
        };
        return Page(page, title, text);
    }

    /// <summary>The payment provider could not be reached: nothing happened, the same link works again shortly.</summary>
    public static string Unavailable(MemberPageContext page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.English
            ? Page(page, "Payment page not available", "The payment page cannot be opened right now; nothing has been charged. Please try again in a few minutes with the same link.")
            : Page(page, "Zahlungsseite nicht erreichbar", "Die Zahlungsseite lässt sich gerade nicht öffnen; es wurde nichts abgebucht. Bitte versuchen Sie es in ein paar Minuten mit demselben Link noch einmal.");
    }

    private static string Page(MemberPageContext page, string title, string text) =>
        MemberPage.Document(page, title, $"<h1>{MemberPage.E(title)}</h1>\n<p id=\"result\">{MemberPage.E(text)}</p>\n");
}
