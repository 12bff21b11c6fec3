using System.Globalization;
using Kok.Domain.Mail;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;

namespace Kok.Domain.Membership;

/// <summary>
/// Writes the member mails (welcome, cancellation confirmed, first payment failed) in German or English. Every mail
/// carries the member's personal link (<see cref="MemberLinks.CancelUrl"/>), which shows the membership and lets the
/// member end it. Payment details are masked: only the last four digits of the IBAN or card appear.
/// </summary>
public sealed class MemberMailComposer
{
    private readonly OrganisationProfile organisation;

    public MemberMailComposer(OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        this.organisation = organisation;
    }

    public MailMessage Welcome(Member member, Uri personalLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(personalLink);
        if (member.MemberSince is not { } since)
        {
            throw new ArgumentException("Only an activated member gets a welcome mail.", nameof(member));
        }

        var english = Language(member) == MailLanguage.English;
        var body = Start(member);
        body.Paragraph(english
            ? $"Welcome as a supporting member of {organisation.ShortName}! Thank you very much for supporting our work against human trafficking and exploitation{As(member, english)}."
            : $"herzlich willkommen als Fördermitglied des {organisation.ShortName}! Vielen Dank, dass Sie unsere Arbeit gegen Menschenhandel und Ausbeutung{As(member, english)} unterstützen.");
        var facts = new List<(string, string)>
        {
            (english ? "Membership" : "Mitgliedschaft", KindText(member.Kind, english)),
            (english ? "Member" : "Mitglied", member.Name),
            (english ? "Annual amount" : "Jahresbeitrag", Amount(member.AnnualAmountCents, english)),
            (english ? "Member since" : "Mitglied seit", Date(since, english)),
        };
        if (member.NextDuesDate is { } next)
        {
            facts.Add((english ? "Next dues date" : "Nächster Beitrag fällig am", Date(next, english)));
        }

        facts.Add((english ? "Payment method" : "Zahlungsart", MethodText(member, english)));
        body.Facts([.. facts]);
        body.Paragraph(english
            ? "Your receipt for this year's dues comes in a separate e-mail. Each year your dues are collected around the anniversary of your joining with the payment method above; we will tell you in advance."
            : "Die Bestätigung über Ihren diesjährigen Beitrag erhalten Sie mit einer eigenen E-Mail. Ihr Beitrag wird jedes Jahr zum Jahrestag Ihres Beitritts mit der oben genannten Zahlungsart eingezogen; wir kündigen das vorher an.");
        body.Box(english ? "What supporting membership means" : "Was Fördermitgliedschaft bedeutet", box =>
        {
            box.Paragraph(english
                ? "As a supporting member you may attend KOK's member assemblies, which currently meet three times a year; under our statutes supporting members have no vote there. Supporting members can be persons, groups or organisations who support KOK with ideas, money or voluntary work."
                : "Als Fördermitglied können Sie an den Mitgliederversammlungen des KOK teilnehmen, die zurzeit dreimal im Jahr stattfinden; ein Stimmrecht haben Fördermitglieder nach unserer Satzung nicht. Fördermitglieder können Personen, Gruppen oder Organisationen sein, die den KOK ideell, finanziell oder mit ehrenamtlicher Arbeit unterstützen.");
            box.Paragraph(english
                ? "In KOK, 37 organisations - specialist counselling centres and shelters for people affected by trafficking and exploitation, migrant women's projects, women's shelters and others - have joined forces. Together we develop common positions, connect practitioners and pass on knowledge, identify where practice needs better laws and policies, and stand up for the rights of those affected in politics and in public."
                : "Im KOK haben sich 37 Organisationen zusammengeschlossen: Fachberatungsstellen und Schutzwohnungen für Betroffene von Menschenhandel und Ausbeutung, Migrantinnenprojekte, Frauenhäuser und weitere. Gemeinsam erarbeiten wir Positionen, vernetzen die Praxis und geben Wissen weiter, zeigen auf, wo Gesetze und Politik besser werden müssen, und setzen uns in Politik und Öffentlichkeit für die Rechte der Betroffenen ein.");
        });
        body.Paragraph(english
            ? $"If you have any questions, our office in Berlin will be glad to help: {organisation.ContactEmail}."
            : $"Bei Fragen hilft Ihnen unsere Geschäftsstelle in Berlin gern weiter: {organisation.ContactEmail}.");
        PersonalLink(body, personalLink, english);
        Closing(body, english);
        return body.Build(
            Recipient(member),
            english ? $"Welcome as a supporting member of {organisation.ShortName}" : $"Willkommen als Fördermitglied des {organisation.ShortName}");
    }

    public MailMessage CancellationConfirmed(Member member, Uri personalLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(personalLink);
        if (member.CancelledAt is null)
        {
            throw new ArgumentException("The membership has not been cancelled.", nameof(member));
        }

        var english = Language(member) == MailLanguage.English;
        var body = Start(member);
        if (member.Status == MembershipStatus.Cancelling && member.MemberUntil is { } lastDay)
        {
            body.Paragraph(english
                ? $"we have received your cancellation. Your supporting membership ends {MembershipEnd.AtTheEndOf(lastDay, english)}, when the period you have paid for is over. Until then you remain warmly invited to our member assemblies. We will not collect any further dues."
                : $"wir haben Ihre Kündigung erhalten. Ihre Fördermitgliedschaft endet {MembershipEnd.AtTheEndOf(lastDay, english)}, wenn der bezahlte Zeitraum vorüber ist. Bis dahin sind Sie weiterhin herzlich zu unseren Mitgliederversammlungen eingeladen. Weitere Beiträge ziehen wir nicht ein.");
        }
        else
        {
            body.Paragraph(english
                ? "we have received your cancellation. Your supporting membership has ended; no dues will be collected."
                : "wir haben Ihre Kündigung erhalten. Ihre Fördermitgliedschaft ist beendet; es werden keine Beiträge eingezogen.");
        }

        body.Paragraph(english
            ? $"Thank you very much for supporting our work against human trafficking and exploitation. If you change your mind or have any questions, please write to {organisation.ContactEmail}."
            : $"Herzlichen Dank, dass Sie unsere Arbeit gegen Menschenhandel und Ausbeutung unterstützt haben. Wenn Sie es sich anders überlegen oder Fragen haben, schreiben Sie uns bitte an {organisation.ContactEmail}.");
        body.Paragraph(english
            ? "You can check the status of your membership with your personal link:"
            : "Den Stand Ihrer Mitgliedschaft sehen Sie über Ihren persönlichen Link:", personalLink);
        Closing(body, english);
        return body.Build(
            Recipient(member),
            english ? $"Your supporting membership of {organisation.ShortName} has been cancelled" : $"Ihre Fördermitgliedschaft beim {organisation.ShortName} ist gekündigt");
    }

    public MailMessage FirstPaymentFailed(Member member, Uri personalLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(personalLink);
        var english = Language(member) == MailLanguage.English;
        var body = Start(member);
        body.Paragraph(english
            ? $"thank you very much for signing up as a supporting member of {organisation.ShortName}. Unfortunately your first annual dues of {Amount(member.AnnualAmountCents, english)} could not be collected ({MethodText(member, english)}), for example because the account did not cover the amount or the details were not correct. Your membership is therefore not active yet."
            : $"vielen Dank, dass Sie Fördermitglied des {organisation.ShortName} werden möchten. Leider konnte Ihr erster Jahresbeitrag über {Amount(member.AnnualAmountCents, english)} nicht eingezogen werden ({MethodText(member, english)}), zum Beispiel weil das Konto nicht gedeckt war oder die Angaben nicht stimmten. Ihre Mitgliedschaft ist deshalb noch nicht aktiv.");
        body.Paragraph(english
            ? "To try again, simply fill in our online membership form once more, with the same or another payment method; this earlier attempt does not stand in the way. Please check the IBAN or card details before paying."
            : "Um es noch einmal zu versuchen, füllen Sie einfach unser Online-Formular für die Fördermitgliedschaft erneut aus, gern auch mit einer anderen Zahlungsart; dieser erste Versuch steht dem nicht im Weg. Bitte prüfen Sie vor dem Bezahlen die IBAN oder die Kartendaten.");
        body.Paragraph(english
            ? $"If you have any questions, please write to {organisation.ContactEmail}. If you no longer wish to join, you can withdraw this sign-up with your personal link:"
            : $"Bei Fragen schreiben Sie uns bitte an {organisation.ContactEmail}. Wenn Sie doch nicht beitreten möchten, können Sie diese Anmeldung über Ihren persönlichen Link zurückziehen:", personalLink);
        Closing(body, english);
        return body.Build(
            Recipient(member),
            english ? $"Your supporting membership: the payment did not go through – {organisation.ShortName}" : $"Ihre Fördermitgliedschaft: Die Zahlung hat nicht geklappt – {organisation.ShortName}");
    }

    /// <summary>How the saved payment method appears in mails and on the cancellation page, masked.</summary>
    public static string MethodText(Member member, bool english)
    {
        ArgumentNullException.ThrowIfNull(member);
        return MethodText(member.PaymentMethod, member.SavedPaymentMethod, english);
    }

    /// <summary>The chosen method, or the saved one with its last four digits when known.</summary>
    public static string MethodText(PaymentMethodKind chosen, SavedPaymentMethod? saved, bool english)
    {
        var kind = saved?.Kind ?? chosen;
        var last4 = saved?.Last4 is { Length: 4 } digits && digits.All(char.IsAsciiDigit) ? digits : null;
        return (kind, english, last4) switch
        {
            (PaymentMethodKind.SepaDebit, true, null) => "SEPA direct debit",
            (PaymentMethodKind.SepaDebit, true, _) => $"SEPA direct debit from the account with IBAN ending in {last4}",
            (PaymentMethodKind.SepaDebit, false, null) => "SEPA-Lastschrift",
            (PaymentMethodKind.SepaDebit, false, _) => $"SEPA-Lastschrift vom Konto mit IBAN-Endung {last4}",
            (PaymentMethodKind.BankTransfer, true, _) => "bank transfer",
            (PaymentMethodKind.BankTransfer, false, _) => "Überweisung",
            (_, true, null) => "card",
            (_, true, _) => $"card ending in {last4}",
            (_, false, null) => "Kreditkarte",
            (_, false, _) => $"Kreditkarte mit Endung {last4}",
        };
    }

    public static string KindText(MemberKind kind, bool english) => (kind, english) switch
    {
        (MemberKind.Organisation, true) => "supporting membership as an organisation",
        (MemberKind.Group, true) => "supporting membership as a group",
        (_, true) => "supporting membership as an individual",
        (MemberKind.Organisation, false) => "Fördermitgliedschaft als Organisation",
        (MemberKind.Group, false) => "Fördermitgliedschaft als Gruppe",
        (_, false) => "Fördermitgliedschaft als Einzelperson",
    };

    public static string Amount(long cents, bool english) => english
        ? "€" + (cents / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("00", CultureInfo.InvariantCulture)
        : GermanAmountInFigures.Format(cents);

    public static string Date(DateOnly date, bool english) =>
        english ? date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : GermanDate.Format(date);

    private static MailLanguage Language(Member member) => MemberMailParts.Language(member);

    private static MailRecipient Recipient(Member member) => MemberMailParts.Recipient(member);

    private static string As(Member member, bool english) => member.Kind switch
    {
        MemberKind.Organisation => english ? $" as the organisation {member.Name}" : $" als Organisation {member.Name}",
        MemberKind.Group => english ? $" as the group {member.Name}" : $" als Gruppe {member.Name}",
        _ => string.Empty,
    };

    private static MailBodyBuilder Start(Member member) => MemberMailParts.Start(member);

    private static void PersonalLink(MailBodyBuilder body, Uri link, bool english) => MemberMailParts.PersonalLink(body, link, english);

    private void Closing(MailBodyBuilder body, bool english) => MemberMailParts.Closing(body, organisation, english);
}
