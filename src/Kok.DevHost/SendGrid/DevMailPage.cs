using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Kok.DevHost.SendGrid;

/// <summary>
/// HTML views of the stand-in's outbox. Everything from a mail is encoded; the mail's own HTML is shown only inside a
/// sandboxed iframe (srcdoc, no allow-scripts, no same origin), so it can neither run script nor reach this page.
/// </summary>
internal static class DevMailPage
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; color: #222; }
        .note { background: #fff4d6; border: 1px solid #e0c060; padding: .5rem .75rem; font-size: .9rem; }
        dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; }
        dt { font-weight: 600; }
        iframe { width: 100%; height: 32rem; border: 1px solid #999; background: #fff; }
        pre { white-space: pre-wrap; background: #f5f5f5; border: 1px solid #ccc; padding: .75rem; }
        table { border-collapse: collapse; width: 100%; }
        td, th { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
        """;

    public static string Mail(ReceivedMail mail)
    {
        var html = Start(mail.Subject);
        html.Append(CultureInfo.InvariantCulture, $"""
            <p><a href="{DevMailEndpoints.Prefix}">← Posteingang / Inbox</a></p>
            <h1 id="subject">{E(mail.Subject)}</h1>
            <dl>
            <dt>Von / From</dt><dd id="from">{E(mail.From.Display)}</dd>
            <dt>An / To</dt><dd id="to">{E(string.Join(", ", mail.To.Select(t => t.Display)))}</dd>

            """);
        if (mail.ReplyTo is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>Antwort an / Reply-To</dt><dd id=\"reply-to\">{E(mail.ReplyTo.Display)}</dd>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <dt>Empfangen / Received</dt><dd id="received">{E(mail.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}</dd>
            <dt>Message-ID</dt><dd id="message-id">{E(mail.Id)}</dd>
            </dl>

            """);

        if (mail.Attachments.Count > 0)
        {
            html.Append("<h2>Anhänge / Attachments</h2>\n<ul id=\"attachments\">\n");
            for (var i = 0; i < mail.Attachments.Count; i++)
            {
                var attachment = mail.Attachments[i];
                var href = $"{DevMailEndpoints.Prefix}/{Uri.EscapeDataString(mail.Id)}/attachments/{i}";
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(href)}\" download=\"{E(attachment.FileName)}\">{E(attachment.FileName)}</a> ({E(attachment.ContentType)}, {attachment.Content.Length:N0} Bytes)</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (mail.Html is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>HTML</h2>\n<iframe id=\"html-body\" title=\"HTML-Inhalt / HTML body\" sandbox=\"\" referrerpolicy=\"no-referrer\" srcdoc=\"{E(mail.Html)}\"></iframe>\n");
        }

        if (mail.Text is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Text</h2>\n<pre id=\"text-body\">{E(mail.Text)}</pre>\n");
        }

        return End(html);
    }

    public static string Inbox(IReadOnlyList<ReceivedMail> mails, int maxMails, int dropped)
    {
        var html = Start("Posteingang / Inbox");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Posteingang / Inbox ({mails.Count})</h1>\n");
        if (dropped > 0)
        {
            var german = dropped == 1 ? "1 ältere Mail wurde" : $"{dropped.ToString("N0", German)} ältere Mails wurden";
            var english = dropped == 1 ? "1 older mail was" : $"{dropped.ToString("N0", CultureInfo.InvariantCulture)} older mails were";
            html.Append(CultureInfo.InvariantCulture, $"""
                <p class="note" id="dropped" role="status">{german} verworfen: der Posteingang behält die neuesten {maxMails.ToString("N0", German)} ({SendGridMailStore.CapacitySetting}). /
                {english} dropped: the inbox keeps the newest {maxMails:N0} ({SendGridMailStore.CapacitySetting}).</p>

                """);
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"capacity\">Behält die neuesten {maxMails.ToString("N0", German)} Mails ({SendGridMailStore.CapacitySetting}). / Keeps the newest {maxMails:N0} mails.</p>\n");
        }

        if (mails.Count == 0)
        {
            html.Append("<p>Noch keine Mails. / No mail yet.</p>\n");
            return End(html);
        }

        html.Append("<table>\n<tr><th>Empfangen / Received</th><th>An / To</th><th>Betreff / Subject</th><th>Anhänge / Attachments</th></tr>\n");
        foreach (var mail in mails)
        {
            var href = $"{DevMailEndpoints.Prefix}/{Uri.EscapeDataString(mail.Id)}";
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{E(mail.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}</td><td>{E(string.Join(", ", mail.To.Select(t => t.Email)))}</td><td><a href="{E(href)}">{E(mail.Subject)}</a></td><td>{mail.Attachments.Count}</td></tr>

                """);
        }

        html.Append("</table>\n");
        return End(html);
    }

    public static string NotFound(string id, int maxMails)
    {
        var html = Start("Nicht gefunden / Not found");
        html.Append(CultureInfo.InvariantCulture, $"""
            <h1>Nicht gefunden / Not found</h1>
            <p>Keine Mail mit der ID <code>{E(id)}</code> (der Stand-in behält die letzten {maxMails}, {SendGridMailStore.CapacitySetting}). /
            No mail with id <code>{E(id)}</code> (the stand-in keeps the last {maxMails}, {SendGridMailStore.CapacitySetting}).</p>
            <p><a href="{DevMailEndpoints.Prefix}">← Posteingang / Inbox</a></p>

            """);
        return End(html);
    }

    // Encodes markup characters but leaves letters such as ü readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string? value) => Encoder.Encode(value ?? string.Empty);

    private static StringBuilder Start(string title) => new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{E(title)} – DevHost Mail</title>
        <style>
        {Style}
        </style>
        </head>
        <body>
        <p class="note">SendGrid-Stand-in des DevHost – diese Mail wurde nicht verschickt. / DevHost SendGrid stand-in – this mail was not sent.</p>

        """);

    private static string End(StringBuilder html) => html.Append("</body>\n</html>\n").ToString();
}
