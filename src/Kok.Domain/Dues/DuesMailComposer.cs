using Kok.Domain.BankTransfers;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;

namespace Kok.Domain.Dues;

/// <summary>
/// Writes the mails of the yearly dues run in German or English: the SEPA pre-notification (Vorabankündigung: amount,
/// collection date, mandate reference and creditor id, as SEPA requires before a debit), the failed charge, the
/// reminders and the lapse. Payment details are masked as in <see cref="MemberMailComposer"/>: only the last four
/// digits of the IBAN or card; the IBAN itself is never known to us. Every mail carries the member's personal cancel
/// link; the ones about unpaid dues also the link to pay (<see cref="MemberLinks.PayDuesUrl"/>).
/// </summary>
public sealed class DuesMailComposer
{
    /// <summary>The provider's code for a card charge that needed the holder's confirmation (SCA).</summary>
    public const string AuthenticationRequired = "authentication_required";

    private readonly OrganisationProfile organisation;
    private readonly DuesPolicy policy;
    private readonly SepaCreditor creditor;
    private readonly BankAccount? account;

    public DuesMailComposer(OrganisationProfile organisation, DuesPolicy policy, SepaCreditor creditor, BankTransferSettings? transfers = null)
    {
        account = transfers?.Account;
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(creditor);
        this.organisation = organisation;
        this.policy = policy;
        this.creditor = creditor;
    }

    /// <summary>Announces the collection of the current period's dues on <see cref="Member.AnnouncedChargeDate"/>.</summary>
    public MailMessage PreNotification(Member member, Uri cancelLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(cancelLink);
        if (member.CurrentDuesPeriod is not { } period || member.AnnouncedChargeDate(policy) is not { } chargeOn)
        {
            throw new ArgumentException("The member has no pre-notified dues.", nameof(member));
        }

        var english = MemberMailParts.IsEnglish(member);
        var sepa = IsSepa(member);
        var amount = MemberMailComposer.Amount(member.AnnualAmountCents, english);
        var body = MemberMailParts.Start(member);
        body.Paragraph(english
            ? $"thank you for supporting KOK as a supporting member for another year. Your annual dues for the coming membership year fall due, and we would like to tell you in advance when we collect them."
            : $"vielen Dank, dass Sie den KOK ein weiteres Jahr als Fördermitglied unterstützen. Ihr Jahresbeitrag für das kommende Mitgliedsjahr wird fällig; wir kündigen Ihnen hiermit an, wann wir ihn einziehen.");
        body.Paragraph((sepa, english) switch
        {
            (true, true) => $"We will collect {amount} by SEPA direct debit on {Date(chargeOn, english)} from your account with IBAN ending in {Last4(member) ?? "…"}. Please make sure the account covers the amount on that day.",
            (true, false) => $"Wir ziehen {amount} am {Date(chargeOn, english)} per SEPA-Lastschrift von Ihrem Konto mit IBAN-Endung {Last4(member) ?? "…"} ein. Bitte sorgen Sie für ausreichende Deckung an diesem Tag.",
            (false, true) => $"{amount} will be charged to your card ending in {Last4(member) ?? "…"} on {Date(chargeOn, english)}.",
            (false, false) => $"Wir buchen {amount} am {Date(chargeOn, english)} von Ihrer Kreditkarte mit Endung {Last4(member) ?? "…"} ab.",
        });
        var facts = new List<(string, string)>
        {
            (english ? "Annual dues" : "Jahresbeitrag", amount),
            (english ? (sepa ? "Collection date" : "Charge date") : (sepa ? "Einzug am" : "Abbuchung am"), Date(chargeOn, english)),
            (english ? "Membership year" : "Mitgliedsjahr", PeriodText(period, english)),
            (english ? "Payment method" : "Zahlungsart", MemberMailComposer.MethodText(member, english)),
        };
        if (sepa)
        {
            // A SEPA pre-notification names the mandate and the creditor, so the debit can be matched on the statement.
            // Methods saved before the reference was recorded only know the provider's mandate id.
            var saved = member.SavedPaymentMethod;
            if ((saved?.MandateReference is { Length: > 0 } reference ? reference : saved?.MandateId) is { Length: > 0 } mandate)
            {
                facts.Add((english ? "Mandate reference" : "Mandatsreferenz", mandate));
            }

            facts.Add((english ? "Creditor identifier" : "Gläubiger-Identifikationsnummer", creditor.CreditorId));
        }

        body.Facts([.. facts]);
        body.Paragraph(english
            ? $"Would you like to pay with another account or card? Simply reply to this e-mail or write to our office at {organisation.ContactEmail}, if possible before {Date(chargeOn, english)}."
            : $"Möchten Sie mit einem anderen Konto oder einer anderen Karte zahlen? Antworten Sie einfach auf diese E-Mail oder schreiben Sie unserer Geschäftsstelle an {organisation.ContactEmail}, möglichst vor dem {Date(chargeOn, english)}.");
        body.Paragraph(english
            ? $"If you do not wish to continue your supporting membership, you can cancel it before {Date(chargeOn, english)} with your personal link (please do not pass it on); then nothing will be collected:"
            : $"Wenn Sie Ihre Fördermitgliedschaft nicht fortsetzen möchten, können Sie sie vor dem {Date(chargeOn, english)} über Ihren persönlichen Link kündigen (bitte nicht weitergeben); dann ziehen wir nichts ein:", cancelLink);
        MemberMailParts.Closing(body, organisation, english);
        return body.Build(
            MemberMailParts.Recipient(member),
            english
                ? $"Your annual dues as a supporting member: {(sepa ? "direct debit" : "card payment")} on {Date(chargeOn, english)} – {organisation.ShortName}"
                : $"Ihr Jahresbeitrag als Fördermitglied: {(sepa ? "Lastschrift" : "Abbuchung")} am {Date(chargeOn, english)} – {organisation.ShortName}");
    }

    /// <summary>The dues of <paramref name="period"/> could not be collected; the member can pay by <paramref name="payLink"/>.</summary>
    public MailMessage ChargeFailed(Member member, DuesPeriod period, Uri payLink, Uri cancelLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(payLink);
        ArgumentNullException.ThrowIfNull(cancelLink);
        var english = MemberMailParts.IsEnglish(member);
        var amount = MemberMailComposer.Amount(AmountFor(member, period), english);
        var body = MemberMailParts.Start(member);
        body.Paragraph(english
            ? $"thank you for your support as a supporting member. Unfortunately we could not collect your annual dues of {amount} for the membership year {PeriodText(period, english)} ({MemberMailComposer.MethodText(member, english)})."
            : $"vielen Dank für Ihre Unterstützung als Fördermitglied. Leider konnten wir Ihren Jahresbeitrag über {amount} für das Mitgliedsjahr {PeriodText(period, english)} nicht einziehen ({MemberMailComposer.MethodText(member, english)}).");
        body.Paragraph(NeededAuthentication(member, period)
            ? (english
                ? "Your bank asked you to confirm this card payment (for example in your banking app or with a code by text message), which is not possible when we charge the card automatically. This is not a problem: you can confirm the payment yourself with the link below."
                : "Ihre Bank wollte diese Kartenzahlung von Ihnen bestätigen lassen (zum Beispiel in Ihrer Banking-App oder mit einem SMS-Code), was bei einer automatischen Abbuchung nicht möglich ist. Das ist kein Problem: Mit dem Link unten können Sie die Zahlung selbst bestätigen.")
            : (english
                ? "This happens, for example, when the account did not cover the amount, the card has expired or the bank returned the debit. It happens to everyone now and then."
                : "Das kann zum Beispiel passieren, wenn das Konto nicht gedeckt war, die Karte abgelaufen ist oder die Bank die Lastschrift zurückgegeben hat. Das kommt vor."));
        TransferParagraph(body, member, AmountFor(member, period), english);
        PayParagraph(body, payLink, english);
        LapseParagraph(body, period, english);
        HelpAndCancel(body, cancelLink, english);
        MemberMailParts.Closing(body, organisation, english);
        return body.Build(
            MemberMailParts.Recipient(member),
            english
                ? $"Your annual dues could not be collected – {organisation.ShortName}"
                : $"Ihr Jahresbeitrag konnte nicht eingezogen werden – {organisation.ShortName}");
    }

    /// <summary>Reminder <paramref name="number"/> (1 = gentle, 2 or later = more explicit) of the dues of <paramref name="period"/>.</summary>
    public MailMessage Reminder(Member member, DuesPeriod period, int number, Uri payLink, Uri cancelLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(payLink);
        ArgumentNullException.ThrowIfNull(cancelLink);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var english = MemberMailParts.IsEnglish(member);
        var amount = MemberMailComposer.Amount(AmountFor(member, period), english);
        var lapseOn = DuesCalendar.LapseDate(period.Start, policy);
        var body = MemberMailParts.Start(member);
        if (number == 1)
        {
            body.Paragraph(english
                ? $"perhaps it slipped through in everyday life: your annual dues of {amount} for the membership year {PeriodText(period, english)} are still open. We would be very glad if you continued to support our work against human trafficking and exploitation."
                : $"vielleicht ist es im Alltag untergegangen: Ihr Jahresbeitrag über {amount} für das Mitgliedsjahr {PeriodText(period, english)} ist noch offen. Wir würden uns sehr freuen, wenn Sie unsere Arbeit gegen Menschenhandel und Ausbeutung weiter unterstützen.");
        }
        else
        {
            body.Paragraph(english
                ? $"we have written to you before: your annual dues of {amount} for the membership year {PeriodText(period, english)} are still open. Please pay them by {Date(lapseOn.AddDays(-1), english)}. Otherwise your supporting membership lapses on {Date(lapseOn, english)}."
                : $"wir hatten Ihnen bereits geschrieben: Ihr Jahresbeitrag über {amount} für das Mitgliedsjahr {PeriodText(period, english)} ist weiterhin offen. Bitte zahlen Sie ihn bis zum {Date(lapseOn.AddDays(-1), english)}. Andernfalls erlischt Ihre Fördermitgliedschaft am {Date(lapseOn, english)}.");
        }

        TransferParagraph(body, member, AmountFor(member, period), english);
        PayParagraph(body, payLink, english);
        if (number == 1)
        {
            LapseParagraph(body, period, english);
        }

        body.Paragraph(english
            ? "If you have paid in the meantime, thank you very much, and please disregard this e-mail."
            : "Falls Sie inzwischen bezahlt haben, herzlichen Dank, und betrachten Sie diese E-Mail bitte als gegenstandslos.");
        HelpAndCancel(body, cancelLink, english);
        MemberMailParts.Closing(body, organisation, english);
        return body.Build(
            MemberMailParts.Recipient(member),
            (english, number) switch
            {
                (true, 1) => $"Reminder: your annual dues are still open – {organisation.ShortName}",
                (true, _) => $"Second reminder: your annual dues are still open – {organisation.ShortName}",
                (false, 1) => $"Erinnerung: Ihr Jahresbeitrag ist noch offen – {organisation.ShortName}",
                (false, _) => $"Zweite Erinnerung: Ihr Jahresbeitrag ist noch offen – {organisation.ShortName}",
            });
    }

    /// <summary>The membership lapsed for unpaid dues; paying by <paramref name="payLink"/> makes it active again.</summary>
    public MailMessage Lapsed(Member member, Uri payLink, Uri cancelLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(payLink);
        ArgumentNullException.ThrowIfNull(cancelLink);
        var english = MemberMailParts.IsEnglish(member);
        var amount = MemberMailComposer.Amount(member.AnnualAmountCents, english);
        var body = MemberMailParts.Start(member);
        var since = member.Dues.LapsedOn is { } lapsedOn
            ? (english ? $" on {Date(lapsedOn, english)}" : $" am {Date(lapsedOn, english)}")
            : string.Empty;
        body.Paragraph(english
            ? $"as we did not receive your annual dues despite our reminders, your supporting membership of {organisation.ShortName} lapsed{since}."
            : $"da Ihr Jahresbeitrag trotz unserer Erinnerungen nicht bei uns eingegangen ist, ist Ihre Fördermitgliedschaft beim {organisation.ShortName}{since} erloschen.");
        TransferParagraph(body, member, member.AnnualAmountCents, english);
        body.Paragraph(english
            ? $"Your membership has not been deleted: we keep it, and you can revive it at any time. Simply pay the annual dues of {amount} with this link, and your supporting membership is active again straight away; your membership year still begins on the anniversary of your joining:"
            : $"Ihre Mitgliedschaft ist nicht gelöscht: Wir bewahren sie auf, und Sie können sie jederzeit wieder aufleben lassen. Zahlen Sie einfach den Jahresbeitrag über {amount} über diesen Link, dann ist Ihre Fördermitgliedschaft sofort wieder aktiv; Ihr Mitgliedsjahr beginnt weiterhin am Jahrestag Ihres Beitritts:", payLink);
        body.Paragraph(english
            ? $"If anything is unclear or you would like to talk to us, our office will be glad to help: {organisation.ContactEmail}. Thank you very much for the support you have given our work against human trafficking and exploitation."
            : $"Wenn etwas unklar ist oder Sie mit uns sprechen möchten, hilft Ihnen unsere Geschäftsstelle gern weiter: {organisation.ContactEmail}. Herzlichen Dank für die Unterstützung, die Sie unserer Arbeit gegen Menschenhandel und Ausbeutung gegeben haben.");
        body.Paragraph(english
            ? "If you do not wish to be a supporting member any more, you can end the membership for good with your personal link (please do not pass it on):"
            : "Wenn Sie nicht mehr Fördermitglied sein möchten, können Sie die Mitgliedschaft über Ihren persönlichen Link endgültig beenden (bitte nicht weitergeben):", cancelLink);
        MemberMailParts.Closing(body, organisation, english);
        return body.Build(
            MemberMailParts.Recipient(member),
            english
                ? $"Your supporting membership has lapsed – {organisation.ShortName}"
                : $"Ihre Fördermitgliedschaft ist erloschen – {organisation.ShortName}");
    }

    /// <summary>True when the failed charge of <paramref name="period"/> only lacked the card holder's confirmation.</summary>
    public static bool NeededAuthentication(Member member, DuesPeriod period)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.DuesEntryFor(period.Start)?.FailureCode is AuthenticationRequired or nameof(DuesChargeStatus.RequiresAction);
    }

    private static bool IsSepa(Member member) =>
        (member.SavedPaymentMethod?.Kind ?? member.PaymentMethod) == PaymentMethodKind.SepaDebit;

    private static string? Last4(Member member) =>
        member.SavedPaymentMethod?.Last4 is { Length: 4 } digits && digits.All(char.IsAsciiDigit) ? digits : null;

    private static long AmountFor(Member member, DuesPeriod period) =>
        member.DuesEntryFor(period.Start)?.AmountCents ?? member.AnnualAmountCents;

    private static string Date(DateOnly date, bool english) => MemberMailComposer.Date(date, english);

    private static string PeriodText(DuesPeriod period, bool english) =>
        $"{Date(period.Start, english)} – {Date(period.End, english)}";

    /// <summary>
    /// For a member paying by bank transfer: the account and the reference code, before the pay link (which stays as
    /// the other way to pay); nothing for other members or when transfers are not offered.
    /// </summary>
    private void TransferParagraph(MailBodyBuilder body, Member member, long amountCents, bool english)
    {
        if (!member.PaysByTransfer || account is null)
        {
            return;
        }

        body.Paragraph(english
            ? "Please transfer the dues to our account with your reference code, so we can match them:"
            : "Bitte überweisen Sie den Beitrag mit Ihrem Verwendungszweck auf unser Konto, damit wir ihn zuordnen können:");
        DuesTransferMailComposer.TransferBlock(body, member, account, amountCents);
        body.Paragraph(english ? "Or pay by card or direct debit instead:" : "Oder zahlen Sie stattdessen per Karte oder Lastschrift:");
    }

    private static void PayParagraph(MailBodyBuilder body, Uri payLink, bool english) =>
        body.Paragraph(english
            ? "Please pay your dues conveniently with this personal link (please do not pass it on):"
            : "Bitte zahlen Sie den Beitrag bequem über diesen persönlichen Link (bitte nicht weitergeben):", payLink);

    private void LapseParagraph(MailBodyBuilder body, DuesPeriod period, bool english)
    {
        var lapseOn = DuesCalendar.LapseDate(period.Start, policy);
        body.Paragraph(english
            ? $"If the dues are not paid by {Date(lapseOn.AddDays(-1), english)}, your supporting membership lapses on {Date(lapseOn, english)}. You could revive it later by paying."
            : $"Ist der Beitrag bis zum {Date(lapseOn.AddDays(-1), english)} nicht bezahlt, erlischt Ihre Fördermitgliedschaft am {Date(lapseOn, english)}. Durch eine Zahlung könnten Sie sie später wieder aufleben lassen.");
    }

    private void HelpAndCancel(MailBodyBuilder body, Uri cancelLink, bool english)
    {
        body.Paragraph(english
            ? $"Would you like to change your payment method or do you have questions? Simply reply to this e-mail or write to our office at {organisation.ContactEmail}."
            : $"Möchten Sie Ihre Zahlungsart ändern oder haben Sie Fragen? Antworten Sie einfach auf diese E-Mail oder schreiben Sie unserer Geschäftsstelle an {organisation.ContactEmail}.");
        body.Paragraph(english
            ? "If you do not wish to continue your supporting membership, you can end it with your personal link (please do not pass it on):"
            : "Wenn Sie Ihre Fördermitgliedschaft nicht fortsetzen möchten, können Sie sie über Ihren persönlichen Link beenden (bitte nicht weitergeben):", cancelLink);
    }
}
