namespace Kok.Domain.Mail;

/// <summary>
/// A finished mail, independent of the mail service: plain text and HTML body of the same content, attachments.
/// A class, not a record, so logging it cannot print the address or body.
/// </summary>
public sealed class MailMessage
{
    public MailMessage(MailRecipient to, string subject, string text, string html, IReadOnlyList<MailAttachment>? attachments = null)
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
    }

    public MailRecipient To { get; }

    /// <summary>One line, without CR/LF.</summary>
    public string Subject { get; }

    public string Text { get; }

    public string Html { get; }

    public IReadOnlyList<MailAttachment> Attachments { get; }
}
