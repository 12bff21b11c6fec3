using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kok.Functions.Mail;

/// <summary>
/// Turns SendGrid's error body (<c>{"errors":[{"message","field","help"}]}</c>) into one line that can be logged and
/// stored: every address-like token and the recipient's own address and name are blanked out.
/// </summary>
internal static partial class SendGridErrorReason
{
    private const int MaxLength = 500;

    public static string From(int statusCode, string? body, IEnumerable<string> personalValues)
    {
        var reason = new StringBuilder("SendGrid ").Append(statusCode.ToString(CultureInfo.InvariantCulture));
        var messages = Messages(body);
        reason.Append(messages.Count == 0 ? string.Empty : ": " + string.Join("; ", messages));

        var text = AddressLike().Replace(reason.ToString(), "[address]");
        foreach (var value in personalValues.Where(v => v.Trim().Length >= 3))
        {
            text = text.Replace(value.Trim(), "[redacted]", StringComparison.OrdinalIgnoreCase);
        }

        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }

    private static List<string> Messages(string? body)
    {
        var messages = new List<string>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return messages;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
            {
                return messages;
            }

            foreach (var error in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var message = Text(error, "message");
                if (message is null)
                {
                    continue;
                }

                var field = Text(error, "field");
                messages.Add(field is null ? message : $"{message} ({field})");
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's JSON (a proxy's error page, say): the status code alone has to do.
        }

        return messages;
    }

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? Kok.Domain.Mail.MailText.SingleLine(value.GetString()!)
            : null;

    [GeneratedRegex(@"[^\s""'<>(),;:\[\]]+@[^\s""'<>(),;:\[\]]+")]
    private static partial Regex AddressLike();
}
