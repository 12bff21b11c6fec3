namespace Kok.Domain.Mail;

/// <summary>
/// Another worker is sending the same mail right now (a duplicate queue message arrived while the first is being
/// handled). Transient: the queue retries the message later, when the log shows the outcome.
/// </summary>
public sealed class MailInProgressException : Exception
{
    public MailInProgressException()
    {
    }

    public MailInProgressException(string message)
        : base(message)
    {
    }

    public MailInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailInProgressException(MailLogKey key)
        : base($"The {key?.Kind} mail for {key?.SubjectId} is being sent by another worker.")
    {
    }
}
