namespace Kok.Domain.Mail;

/// <summary>Where one logged mail stands. Sent and Failed are final; Pending is being tried (or will be retried).</summary>
public enum MailLogState
{
    Pending,
    Sent,

    /// <summary>The mail service refused the mail for good (bad address, rejected content): not retried.</summary>
    Failed,
}
