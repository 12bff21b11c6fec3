namespace Kok.Domain.Mail;

/// <summary>Outcome of <see cref="IMailSender.SendAsync"/>: <see cref="MailSent"/> or <see cref="MailRejected"/>.</summary>
public abstract record MailSendResult
{
    private protected MailSendResult()
    {
    }

    public static MailSendResult Sent(string messageId) => new MailSent(messageId);

    public static MailSendResult Rejected(string reason) => new MailRejected(reason);
}
