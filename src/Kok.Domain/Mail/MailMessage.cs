namespace Kok.Domain.Mail;

/// <summary>
/// A finished mail, independent of the mail service: plain text and HTML body of the same content, attachments.
/// A class, not a record, so logging it cannot print the address or body.
/// </summary>
public sealed class MailMessage
{
    public MailMessage(
        MailRecipient to,
        string subject,
        string text,
        string html,
        IReadOnlyList<MailAttachment>? attachments = null,
        MailLanguage language = MailLanguage.German)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(html);
        if (subject.Any(char.IsControl))
        {
            throw new ArgumentException("A subject must be one line.", nameof(subject));
        }

        To = to;
        Subject = subject;
        Text = text;
        Html = html;
        Attachments = attachments ?? [];
        Language = language;
    }

    public MailRecipient To { get; }

    /// <summary>One line, without CR/LF.</summary>
    public string Subject { get; }

    public string Text { get; }

    public string Html { get; }

    public IReadOnlyList<MailAttachment> Attachments { get; }

    /// <summary>The language of the texts (the supporter's).</summary>
    public MailLanguage Language { get; }

    /// <summary>
    /// Where the recipient stops mails of this kind (optional mails only, see <c>Privacy.MailObligations</c>): shown at
    /// the foot of the mail and sent as the List-Unsubscribe header, so mail programs offer their own button.
    /// </summary>
    public Uri? Unsubscribe { get; private init; }

    /// <summary>This mail with the unsubscribe link at its foot (text and HTML) and in <see cref="Unsubscribe"/>.</summary>
    public MailMessage WithUnsubscribe(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (footerText, footerHtml) = MailBodyBuilder.UnsubscribeFooter(Language, link);
        var bodyEnd = Html.LastIndexOf("</body>", StringComparison.Ordinal);
        var html = bodyEnd < 0 ? Html + footerHtml : Html.Insert(bodyEnd, footerHtml);
        return new MailMessage(To, Subject, Text.TrimEnd() + "\n\n" + footerText, html, Attachments, Language) { Unsubscribe = link };
    }
}
