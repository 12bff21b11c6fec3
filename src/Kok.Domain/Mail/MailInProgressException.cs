using Kok.Domain.Common;

namespace Kok.Domain.Mail;

/// <summary>
/// Another worker is sending the same mail right now (a duplicate queue message arrived while the first is being
/// handled). Not yet: the queue function puts the message back, and a later delivery finds the outcome in the log.
/// </summary>
public sealed class MailInProgressException : NotYetException
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
