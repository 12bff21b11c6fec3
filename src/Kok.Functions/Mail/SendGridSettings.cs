using Kok.Domain.Mail;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Mail;

/// <summary>
/// The <c>SendGrid:*</c> configuration, read at the moment of sending (not at startup), so a host can start without
/// it and DevHost can point <c>SendGrid:ApiBase</c> at a port it learns only once listening.
/// </summary>
internal sealed record SendGridSettings(string ApiKey, string FromEmail, string? FromName, string? ReplyTo, string? ApiBase)
{
    public static SendGridSettings From(IConfiguration configuration)
    {
        var apiKey = configuration["SendGrid:ApiKey"];
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new InvalidOperationException("Configuration value 'SendGrid:ApiKey' is missing.");
        }

        var fromEmail = Address(configuration, "SendGrid:FromEmail")
            ?? throw new InvalidOperationException("Configuration value 'SendGrid:FromEmail' is missing.");
        var fromName = configuration["SendGrid:FromName"];
        var apiBase = configuration["SendGrid:ApiBase"];
        if (!string.IsNullOrWhiteSpace(apiBase)
            && (!Uri.TryCreate(apiBase, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException("Configuration value 'SendGrid:ApiBase' must be an absolute http(s) URL.");
        }

        return new SendGridSettings(
            apiKey.Trim(),
            fromEmail,
            string.IsNullOrWhiteSpace(fromName) ? null : SendGridText.DisplayName(fromName),
            Address(configuration, "SendGrid:ReplyTo"),
            string.IsNullOrWhiteSpace(apiBase) ? null : apiBase.Trim());
    }

    // An address from configuration goes into a header; refuse anything that could start a new header line.
    private static string? Address(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || !value.Contains('@', StringComparison.Ordinal)
            || MailText.SingleLine(value) != value)
        {
            throw new InvalidOperationException($"Configuration value '{key}' is not a mail address.");
        }

        return value;
    }
}
