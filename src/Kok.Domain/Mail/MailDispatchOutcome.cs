namespace Kok.Domain.Mail;

public enum MailDispatchOutcome
{
    /// <summary>The mail service accepted the mail now.</summary>
    Sent,

    /// <summary>The mail service refused the mail for good; logged as failed with its reason.</summary>
    Rejected,

    /// <summary>The mail was not sent because it must not go out any more; logged as failed with the reason.</summary>
    Skipped,

    /// <summary>An earlier delivery of the same request sent it.</summary>
    AlreadySent,

    /// <summary>An earlier delivery ended for good without sending it (rejected or skipped).</summary>
    AlreadyFailed,
}
