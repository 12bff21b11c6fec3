using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Kok.Domain.Mail;

/// <summary>
/// Writes the plain-text and the HTML body of a mail side by side from the same blocks. Every piece of text is
/// HTML-encoded on the way in, so names such as "&lt;script&gt;" or "Müller &amp; Söhne" can never become markup; only
/// this class writes tags.
/// </summary>
public sealed class MailBodyBuilder
{
    private const string BodyStyle = "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:640px;";
    private const string BoxStyle = "border:1px solid #999;padding:8px 14px;margin:16px 0;background:#f7f7f7;";

    // Long personal links (with their token) break anywhere rather than widen the mail on a phone.
    private const string LinkStyle = "color:#8a1538;word-break:break-all;";

    // Encodes markup characters (< > & " ') but leaves letters such as ü readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly MailLanguage language;
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public MailBodyBuilder(MailLanguage language)
    {
        this.language = language;
    }

    public MailBodyBuilder Paragraph(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        text.Append(content).Append("\n\n");
        html.Append("<p style=\"margin:0 0 12px 0;\">").Append(Encode(content)).Append("</p>\n");
        return this;
    }

    /// <summary>
    /// A paragraph ending in a link, e.g. the member's personal cancel or pay link: in the text part the full URL
    /// after the words, in the HTML part a clickable link showing the same full URL (so the reader sees where it
    /// goes). Only absolute http(s) links are taken.
    /// </summary>
    public MailBodyBuilder Paragraph(string content, Uri link)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsAbsoluteUri || link.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("Mails link only to absolute http(s) addresses.", nameof(link));
        }

        var url = link.AbsoluteUri;
        text.Append(content).Append(' ').Append(url).Append("\n\n");
        html.Append("<p style=\"margin:0 0 12px 0;\">").Append(Encode(content)).Append(' ')
            .Append("<a href=\"").Append(Encode(url)).Append("\" style=\"").Append(LinkStyle).Append("\">")
            .Append(Encode(url)).Append("</a></p>\n");
        return this;
    }

    /// <summary>Lines kept together in one paragraph, e.g. a closing with the sender's name.</summary>
    public MailBodyBuilder Lines(params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        text.Append(string.Join('\n', lines)).Append("\n\n");
        html.Append("<p style=\"margin:0 0 12px 0;\">")
            .Append(string.Join("<br>\n", lines.Select(Encode)))
            .Append("</p>\n");
        return this;
    }

    /// <summary>Label/value pairs, one per line ("Betrag: 25,50 €").</summary>
    public MailBodyBuilder Facts(params (string Label, string Value)[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var (label, value) in facts)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        text.Append('\n');
        html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 12px 0;\">\n");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><td style=\"padding:2px 12px 2px 0;vertical-align:top;font-weight:bold;\">")
                .Append(Encode(label))
                .Append("</td><td style=\"padding:2px 0;vertical-align:top;\">")
                .Append(Encode(value))
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        return this;
    }

    /// <summary>A framed block with a heading (in text: the heading underlined and the block fenced by rules).</summary>
    public MailBodyBuilder Box(string heading, Action<MailBodyBuilder> content)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(content);
        var rule = new string('-', 60);
        text.Append(rule).Append('\n').Append(heading).Append('\n').Append(rule).Append("\n\n");
        html.Append("<div style=\"").Append(BoxStyle).Append("\">\n")
            .Append("<p style=\"margin:4px 0 10px 0;font-weight:bold;\">").Append(Encode(heading)).Append("</p>\n");
        content(this);
        text.Append(rule).Append("\n\n");
        html.Append("</div>\n");
        return this;
    }

    /// <summary>Finishes the mail; the subject is flattened to one line.</summary>
    public MailMessage Build(MailRecipient to, string subject, IReadOnlyList<MailAttachment>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var oneLineSubject = MailText.SingleLine(subject);
        var document = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language.ToCode()).Append("\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n")
            .Append("<title>").Append(Encode(oneLineSubject)).Append("</title>\n</head>\n")
            .Append("<body style=\"").Append(BodyStyle).Append("\">\n")
            .Append(html)
            .Append("</body>\n</html>\n")
            .ToString();
        return new MailMessage(to, oneLineSubject, text.ToString().TrimEnd() + "\n", document, attachments, language);
    }

    /// <summary>
    /// The foot of an optional mail: a rule, then where to stop such mails, the link shown in full and clickable, as
    /// <see cref="Paragraph(string, Uri)"/> writes links.
    /// </summary>
    public static (string Text, string Html) UnsubscribeFooter(MailLanguage language, Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var words = language == MailLanguage.English
            ? "You no longer want mails like this one (reminders)? Unsubscribe here; receipts and what your donation or membership requires still reach you:"
            : "Sie möchten solche E-Mails (Erinnerungen) nicht mehr erhalten? Hier abbestellen; Zuwendungsbestätigungen und was Ihre Spende oder Mitgliedschaft erfordert, erhalten Sie weiterhin:";
        var footer = new MailBodyBuilder(language);
        footer.html.Append("<hr style=\"border:0;border-top:1px solid #ccc;margin:24px 0 12px 0;\">\n");
        footer.Paragraph(words, link);
        return ("-- \n" + footer.text.ToString().TrimEnd() + "\n", footer.html.ToString());
    }

    private static string Encode(string value) => Encoder.Encode(value);
}
