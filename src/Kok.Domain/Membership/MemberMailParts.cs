using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.Membership;

/// <summary>
/// The pieces every member mail shares (greeting, cancel link paragraph, closing), so the membership and the dues
/// mails read alike.
/// </summary>
internal static class MemberMailParts
{
    public static MailLanguage Language(Member member) => MailLanguageCode.Parse(member.Locale);

    public static bool IsEnglish(Member member) => Language(member) == MailLanguage.English;

    public static MailRecipient Recipient(Member member) => new(member.Email, member.Salutation);

    public static MailBodyBuilder Start(Member member)
    {
        var language = Language(member);
        var body = new MailBodyBuilder(language);
        var name = Recipient(member).Name;
        body.Paragraph(language == MailLanguage.English
            ? (name.Length > 0 ? $"Dear {name}," : "Hello,")
            : (name.Length > 0 ? $"Guten Tag {name}," : "Guten Tag,"));
        return body;
    }

    public static void PersonalLink(MailBodyBuilder body, Uri link, bool english) =>
        body.Paragraph(english
            ? "You can end your supporting membership at any time, effective at the end of the period you have paid for, with your personal link (please do not pass it on):"
            : "Sie können Ihre Fördermitgliedschaft jederzeit zum Ende des bezahlten Zeitraums beenden, über Ihren persönlichen Link (bitte nicht weitergeben):", link);

    public static void Closing(MailBodyBuilder body, OrganisationProfile organisation, bool english) =>
        body.Lines(english ? "Kind regards" : "Herzliche Grüße", organisation.Name);
}
