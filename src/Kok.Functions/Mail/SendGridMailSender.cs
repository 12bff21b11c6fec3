using System.Net;
using Kok.Domain.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Kok.Functions.Mail;

/// <summary>
/// <see cref="IMailSender"/> through SendGrid's v3 mail/send API. 2xx is <see cref="MailSent"/> (SendGrid's
/// X-Message-Id); 429, 5xx and 408 throw <see cref="SendGridUnavailableException"/> and network errors surface as they
/// are, so the queue retries; 401 (our key) throws <see cref="InvalidOperationException"/>, because the mail itself
/// was never judged; any other 4xx is <see cref="MailRejected"/>. Configuration (read per send, see
/// <see cref="MailServiceCollectionExtensions.AddKokMail"/>): <c>SendGrid:ApiKey</c>, <c>SendGrid:FromEmail</c>,
/// <c>SendGrid:FromName</c>, <c>SendGrid:ReplyTo</c>, <c>SendGrid:ApiBase</c>.
/// </summary>
public sealed class SendGridMailSender(
    IConfiguration configuration,
    IHttpClientFactory httpClientFactory,
    ILogger<SendGridMailSender> logger) : IMailSender
{
    public const string HttpClientName = "SendGrid";

    public async Task<MailSendResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        var settings = SendGridSettings.From(configuration);
        var client = new SendGridClient(httpClientFactory.CreateClient(HttpClientName), ClientOptions(settings));
        var response = await client.SendEmailAsync(Compose(message, settings), cancellationToken);
        var status = (int)response.StatusCode;

        if (response.IsSuccessStatusCode)
        {
            var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            if (string.IsNullOrWhiteSpace(messageId))
            {
                // Accepted all the same; throwing here would send the mail twice on the retry.
                logger.LogWarning("SendGrid accepted a mail ({Status}) without an X-Message-Id.", status);
                messageId = "unknown";
            }

            logger.LogInformation(
                "SendGrid accepted mail {MessageId} ({Attachments} attachment(s)).", messageId, message.Attachments.Count);
            return MailSendResult.Sent(messageId);
        }

        var body = response.Body is null ? null : await response.Body.ReadAsStringAsync(cancellationToken);
        var reason = SendGridErrorReason.From(status, body, [message.To.Email, message.To.Name]);

        if (status is 408 or 429 or >= 500)
        {
            logger.LogWarning("SendGrid could not take the mail now: {Reason}", reason);
            throw new SendGridUnavailableException(status, reason, RetryAfter(response));
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            logger.LogError("SendGrid refused our API key: {Reason}", reason);
            throw new InvalidOperationException($"SendGrid refused the API key in 'SendGrid:ApiKey' ({reason}).");
        }

        logger.LogWarning("SendGrid rejected a mail: {Reason}", reason);
        return MailSendResult.Rejected(reason);
    }

    internal static SendGridMessage Compose(MailMessage message, SendGridSettings settings)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromEmail, settings.FromName),
            Subject = MailText.SingleLine(message.Subject),
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };

        var toName = SendGridText.DisplayName(message.To.Name);
        mail.AddTo(new EmailAddress(message.To.Email, toName.Length == 0 ? null : toName));
        if (settings.ReplyTo is not null)
        {
            mail.SetReplyTo(new EmailAddress(settings.ReplyTo));
        }

        foreach (var attachment in message.Attachments)
        {
            mail.AddAttachment(new Attachment
            {
                Filename = attachment.FileName,
                Type = SendGridText.MediaType(attachment.ContentType),
                Content = Convert.ToBase64String(attachment.Content),
                Disposition = "attachment",
            });
        }

        if (message.Unsubscribe is { } unsubscribe)
        {
            // RFC 2369 and RFC 8058: mail programs show their own "unsubscribe" button, which posts to the link at once.
            mail.AddHeader("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            mail.AddHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        // Receipts and payment mails are not marketing: no rewritten links, no tracking pixel (nor its consent question).
        mail.SetClickTracking(false, false);
        mail.SetOpenTracking(false);
        return mail;
    }

    private static SendGridClientOptions ClientOptions(SendGridSettings settings)
    {
        var options = new SendGridClientOptions { ApiKey = settings.ApiKey };
        if (settings.ApiBase is not null)
        {
            // The client appends "/v3/mail/send" itself (adding the '/' when the host has none).
            options.Host = settings.ApiBase.TrimEnd('/');
        }

        return options;
    }

    private static TimeSpan? RetryAfter(Response response) => response.Headers.RetryAfter?.Delta;
}
