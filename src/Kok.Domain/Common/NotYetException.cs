namespace Kok.Domain.Common;

/// <summary>
/// A queue message arrived before the state it is about: producers put their messages on the queue before they save
/// (so a crash cannot lose a message), so the consumer may run first and find the payment or member not saved yet,
/// or another worker may be on the same mail right now. Not a failure: the queue function puts the message back for
/// later without spending a delivery attempt (<c>QueuePutBack</c> in Kok.Functions), and only a message that stays
/// "not yet" for about an hour ends in the poison queue.
/// </summary>
public abstract class NotYetException : Exception
{
    protected NotYetException()
    {
    }

    protected NotYetException(string message)
        : base(message)
    {
    }

    protected NotYetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
