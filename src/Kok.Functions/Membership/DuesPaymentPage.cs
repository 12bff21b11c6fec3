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
        return MemberPage.Document(page, title, $"<h1>{MemberPage.E(title)}</h1>\n<p id=\"result\">{MemberPage.E(text)}</p>\n");
    }
}
