using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kok.DevHost.SendGrid;

/// <summary>
/// Reads a v3 mail/send body the way SendGrid judges it: all problems at once, each with SendGrid's message and field
/// path. Two checks go beyond SendGrid and say so: line breaks in the subject, and ',' or ';' in recipient names
/// (SendGrid accepts those and then drops the mail, which a test would otherwise never see).
/// </summary>
internal sealed class SendGridMailRequest
{
    private const string Help = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.";

    private readonly List<SendGridError> errors = [];

    private SendGridMailRequest()
    {
    }

    public IReadOnlyList<SendGridError> Errors => errors;

    public ReceivedAddress? From { get; private set; }

    public ReceivedAddress? ReplyTo { get; private set; }

    public List<ReceivedAddress> To { get; } = [];

    public string? Subject { get; private set; }

    public string? Text { get; private set; }

    public string? Html { get; private set; }

    public List<ReceivedAttachment> Attachments { get; } = [];

    /// <summary>Custom headers, the message's (<c>headers</c>) and the personalizations' together, as SendGrid sends them.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static SendGridMailRequest Parse(JsonObject body)
    {
        var request = new SendGridMailRequest();
        request.Read(body);
        return request;
    }

    public ReceivedMail ToMail(string id, DateTimeOffset receivedAt) => new()
    {
        Id = id,
        From = From!,
        ReplyTo = ReplyTo,
        To = To,
        Subject = Subject!,
        Text = Text,
        Html = Html,
        Attachments = Attachments,
        Headers = Headers,
        ReceivedAt = receivedAt,
    };

    private static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool ValidAddress(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        return MailAddress.TryCreate(email, out var parsed)
            && string.Equals(parsed.Address, email, StringComparison.Ordinal)
            && string.IsNullOrEmpty(parsed.DisplayName)
            && at > 0
            && email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !email.EndsWith('.');
    }

    private static bool HasLineBreak(string value) => value.Any(c => c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085');

    private void Error(string message, string? field, string? anchor = null) =>
        errors.Add(new SendGridError(message, field, anchor is null ? null : Help + anchor));

    private void Read(JsonObject body)
    {
        ReadFrom(body["from"]);
        ReadReplyTo(body["reply_to"]);
        var everyPersonalizationHasSubject = ReadPersonalizations(body["personalizations"]);
        ReadSubject(body["subject"], everyPersonalizationHasSubject);
        ReadContent(body["content"]);
        ReadAttachments(body["attachments"]);
        ReadHeaders(body["headers"], "headers");
    }

    /// <summary>SendGrid takes headers as an object of string values and refuses any other value.</summary>
    private void ReadHeaders(JsonNode? node, string field)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject headers)
        {
            Error("Invalid type. Expected: object, given: " + node.GetValueKind().ToString().ToLowerInvariant() + ".", field, "headers");
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (String(value) is not { } text)
            {
                Error("Invalid type. Expected: string.", $"{field}.{name}", "headers");
                continue;
            }

            Headers[name] = text;
        }
    }

    private void ReadFrom(JsonNode? node)
    {
        if (node is not JsonObject from || from["email"] is null)
        {
            Error(
                "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.  e.g. {\"email\" : \"example@example.com\"}  or {\"email\" : \"example@example.com\", \"name\" : \"Example Recipient\"}.",
                "from.email",
                "from");
            return;
        }

        var email = String(from["email"]);
        if (!ValidAddress(email))
        {
            Error("The from email does not contain a valid address.", "from.email", "from");
            return;
        }

        From = new ReceivedAddress(email!, String(from["name"]));
    }

    private void ReadReplyTo(JsonNode? node)
    {
        if (node is null)
        {
            return;
        }

        var email = String(node["email"]);
        if (!ValidAddress(email))
        {
            Error("The reply_to email does not contain a valid address.", "reply_to.email", "reply_to");
            return;
        }

        ReplyTo = new ReceivedAddress(email!, String(node["name"]));
    }

    private bool ReadPersonalizations(JsonNode? node)
    {
        if (node is not JsonArray personalizations || personalizations.Count == 0)
        {
            Error("The personalizations field is required and must have at least one personalization.", "personalizations", "personalizations");
            return false;
        }

        var allHaveSubject = true;
        for (var i = 0; i < personalizations.Count; i++)
        {
            var personalization = personalizations[i] as JsonObject;
            ReadHeaders(personalization?["headers"], $"personalizations.{i}.headers");
            var subject = String(personalization?["subject"]);
            if (string.IsNullOrEmpty(subject))
            {
                allHaveSubject = false;
            }
            else
            {
                CheckSubjectLine(subject, $"personalizations.{i}.subject");
                Subject ??= subject;
            }

            if (personalization?["to"] is not JsonArray to || to.Count == 0)
            {
                Error(
                    "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
                    $"personalizations.{i}.to",
                    "personalizations.to");
                continue;
            }

            for (var j = 0; j < to.Count; j++)
            {
                var email = String(to[j]?["email"]);
                if (!ValidAddress(email))
                {
                    Error("Does not contain a valid address.", $"personalizations.{i}.to.{j}.email", "personalizations.to");
                    continue;
                }

                var name = String(to[j]?["name"]);
                if (name is not null && name.IndexOfAny([',', ';']) >= 0)
                {
                    Error(
                        "The to.name cannot contain ',' or ';'. (DevHost stand-in check: SendGrid accepts such a mail and then drops it as sent to an invalid address.)",
                        $"personalizations.{i}.to.{j}.name",
                        "personalizations.to");
                    continue;
                }

                To.Add(new ReceivedAddress(email!, name));
            }
        }

        return allHaveSubject;
    }

    private void ReadSubject(JsonNode? node, bool everyPersonalizationHasSubject)
    {
        var subject = String(node);
        if (string.IsNullOrEmpty(subject))
        {
            if (!everyPersonalizationHasSubject)
            {
                Error(
                    "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
                    "subject",
                    "subject");
            }

            return;
        }

        CheckSubjectLine(subject, "subject");
        Subject ??= subject;
    }

    private void CheckSubjectLine(string subject, string field)
    {
        if (HasLineBreak(subject))
        {
            Error("The subject cannot contain line breaks. (DevHost stand-in check: a header is one line.)", field, "subject");
        }
    }

    private void ReadContent(JsonNode? node)
    {
        if (node is not JsonArray content || content.Count == 0)
        {
            Error(
                "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
                "content",
                "contents");
            return;
        }

        var types = new List<string>();
        for (var i = 0; i < content.Count; i++)
        {
            var type = String(content[i]?["type"]);
            var value = String(content[i]?["value"]);
            if (string.IsNullOrEmpty(type) || type.Contains(';', StringComparison.Ordinal) || HasLineBreak(type))
            {
                Error("The content type cannot contain ';', or CRLF characters, and must be at least 1 character long.", $"content.{i}.type", "contents.type");
                continue;
            }

            if (string.IsNullOrEmpty(value))
            {
                Error("The content value must be a string at least one character in length.", $"content.{i}.value", "contents.value");
                continue;
            }

            types.Add(type);
            if (string.Equals(type, "text/plain", StringComparison.OrdinalIgnoreCase))
            {
                Text ??= value;
            }
            else if (string.Equals(type, "text/html", StringComparison.OrdinalIgnoreCase))
            {
                Html ??= value;
            }
        }

        var plain = types.Count(t => string.Equals(t, "text/plain", StringComparison.OrdinalIgnoreCase));
        var html = types.Count(t => string.Equals(t, "text/html", StringComparison.OrdinalIgnoreCase));
        if (plain > 1 || html > 1)
        {
            Error("If present, text/plain and text/html may only be provided once.", "content", "contents");
        }
        else if ((plain == 1 && !string.Equals(types[0], "text/plain", StringComparison.OrdinalIgnoreCase))
            || (html == 1 && types.FindIndex(t => string.Equals(t, "text/html", StringComparison.OrdinalIgnoreCase)) > plain))
        {
            Error("If present, text/plain must be first, followed by text/html, followed by any other content.", "content", "contents");
        }
    }

    private void ReadAttachments(JsonNode? node)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray attachments)
        {
            Error("The attachments parameter must be an array.", "attachments", "attachments");
            return;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i] as JsonObject;
            var fileName = String(attachment?["filename"]);
            var type = String(attachment?["type"]) ?? "application/octet-stream";
            var disposition = String(attachment?["disposition"]) ?? "attachment";
            var content = String(attachment?["content"]);
            var ok = true;
            if (string.IsNullOrEmpty(fileName))
            {
                Error("The attachment filename parameter is required.", $"attachments.{i}.filename", "attachments.filename");
                ok = false;
            }

            if (type.Contains(';', StringComparison.Ordinal) || HasLineBreak(type))
            {
                Error("The attachment type cannot contain ';', or CRLF characters.", $"attachments.{i}.type", "attachments.type");
                ok = false;
            }

            if (disposition is not ("attachment" or "inline"))
            {
                Error("The disposition of your attachment can be either \"inline\" or \"attachment\".", $"attachments.{i}.disposition", "attachments.disposition");
                ok = false;
            }

            byte[]? bytes = null;
            if (string.IsNullOrEmpty(content))
            {
                Error("The attachment content is required.", $"attachments.{i}.content", "attachments.content");
                ok = false;
            }
            else
            {
                bytes = new byte[content.Length];
                if (!Convert.TryFromBase64String(content, bytes, out var written))
                {
                    Error("The attachment content must be base64 encoded.", $"attachments.{i}.content", "attachments.content");
                    ok = false;
                }
                else
                {
                    bytes = bytes[..written];
                }
            }

            if (ok)
            {
                Attachments.Add(new ReceivedAttachment(fileName!, type, disposition, bytes!));
            }
        }
    }
}
