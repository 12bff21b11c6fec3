namespace Kok.Domain.Mail;

/// <summary>
/// The mail service (SendGrid in production). Returns <see cref="MailSent"/> when the service accepted the mail and
/// <see cref="MailRejected"/> when it refused it for good (a 4xx answer: bad address, invalid content), which a retry
/// cannot fix. Transient failures (timeouts, 429, 5xx, no connection) throw, so the calling queue message is retried.
/// </summary>
public interface IMailSender
{
    Task<MailSendResult> SendAsync(MailMessage message, CancellationToken cancellationToken);
}
