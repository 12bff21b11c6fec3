using Kok.Domain.BankTransfers;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;

namespace Kok.Domain.Dues;

/// <summary>
/// The mails of a member paying the dues by bank transfer, in German or English: at sign-up where to transfer the
/// first year's dues, and every year the payment request the dues run sends instead of the SEPA pre-notification.
/// Both name the association's account, the amount and the member's reference code (the same every year);
/// <see cref="TransferBlock"/> puts the same facts into every other dues mail of such a member.
/// </summary>
public sealed class DuesTransferMailComposer(OrganisationProfile organisation)
{
    /// <summary>After signing up by transfer: the first year's dues, where to send them, and what happens then.</summary>
    public MailMessage Instructions(Member member, BankAccount account, Uri cancelLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(cancelLink);
        var english = MemberMailParts.IsEnglish(member);
        var code = Code(member);
        var body = MemberMailParts.Start(member);
        body.Paragraph(english
            ? $"thank you very much for signing up as a supporting member of {organisation.ShortName}. You chose to pay your annual dues by bank transfer. Please transfer your first year's dues to our account as follows; the reference code is what lets us find your transfer, and it stays the same every year."
            : $"vielen Dank, dass Sie Fördermitglied des {organisation.ShortName} werden möchten. Sie haben gewählt, Ihren Jahresbeitrag zu überweisen. Bitte überweisen Sie den ersten Jahresbeitrag wie folgt auf unser Konto; am Verwendungszweck erkennen wir Ihre Überweisung, und er bleibt jedes Jahr derselbe.");
        TransferBlock(body, member, account, member.AnnualAmountCents);
        body.Paragraph(english
            ? "As soon as your transfer has arrived, your membership starts and we send you a welcome mail with your receipt. Each following year we will write to you before your dues fall due."
            : "Sobald Ihre Überweisung eingegangen ist, beginnt Ihre Mitgliedschaft, und wir schicken Ihnen eine Willkommensmail mit Ihrer Zuwendungsbestätigung. In den folgenden Jahren schreiben wir Ihnen jeweils, bevor Ihr Beitrag fällig wird.");
        MemberMailParts.PersonalLink(body, cancelLink, english);
        MemberMailParts.Closing(body, organisation, english);
        return body.Build(
            MemberMailParts.Recipient(member),
            english
                ? $"Your supporting membership by bank transfer: reference {code.Value} – {organisation.ShortName}"
                : $"Ihre Fördermitgliedschaft per Überweisung: Verwendungszweck {code.Value} – {organisation.ShortName}");
    }

    /// <summary>The year's dues of <paramref name="period"/> fall due on <paramref name="dueOn"/>: please transfer them.</summary>
    public MailMessage DuesRequest(Member member, DuesPeriod period, DateOnly dueOn, BankAccount account, Uri cancelLink)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(cancelLink);
        var english = MemberMailParts.IsEnglish(member);
        var amount = member.DuesEntryFor(period.Start)?.AmountCents ?? member.AnnualAmountCents;
        var body = MemberMailParts.Start(member);
        body.Paragraph(english
            ? $"thank you for supporting {organisation.ShortName} as a supporting member for another year. Your annual dues for the membership year {Date(period.Start, english)} – {Date(period.End, english)} fall due on {Date(dueOn, english)}. Please transfer them to our account by then, with your reference code:"
            : $"vielen Dank, dass Sie den {organisation.ShortName} ein weiteres Jahr als Fördermitglied unterstützen. Ihr Jahresbeitrag für das Mitgliedsjahr {Date(period.Start, english)} – {Date(period.End, english)} wird am {Date(dueOn, english)} fällig. Bitte überweisen Sie ihn bis dahin mit Ihrem Verwendungszweck auf unser Konto:");
        TransferBlock(body, member, account, amount);
        body.Paragraph(english
            ? $"If you have already transferred the dues, thank you very much: please ignore this mail. Questions? Simply reply to this e-mail or write to {organisation.ContactEmail}."
            : $"Wenn Sie schon überwiesen haben: herzlichen Dank, dann betrachten Sie diese Mail bitte als gegenstandslos. Bei Fragen antworten Sie einfach auf diese E-Mail oder schreiben Sie an {organisation.ContactEmail}.");
        body.Paragraph(english
            ? "If you do not wish to continue your supporting membership, you can end it with your personal link (please do not pass it on):"
            : "Wenn Sie Ihre Fördermitgliedschaft nicht fortsetzen möchten, können Sie sie über Ihren persönlichen Link beenden (bitte nicht weitergeben):", cancelLink);
        MemberMailParts.Closing(body, organisation, english);
        return body.Build(
            MemberMailParts.Recipient(member),
            english
                ? $"Your annual dues as a supporting member: please transfer by {Date(dueOn, english)} – {organisation.ShortName}"
                : $"Ihr Jahresbeitrag als Fördermitglied: bitte bis zum {Date(dueOn, english)} überweisen – {organisation.ShortName}");
    }

    /// <summary>Account, amount and the member's reference code, as every dues mail to a member paying by transfer shows them.</summary>
    public static void TransferBlock(MailBodyBuilder body, Member member, BankAccount account, long amountCents)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(member);
        body.Facts(TransferMailComposer.Facts(MemberMailParts.IsEnglish(member), account, amountCents, Code(member)));
    }

    private static ReferenceCode Code(Member member) =>
        member.DuesTransferCode ?? throw new ArgumentException("The member does not pay by bank transfer.", nameof(member));

    private static string Date(DateOnly date, bool english) => MemberMailComposer.Date(date, english);
}
