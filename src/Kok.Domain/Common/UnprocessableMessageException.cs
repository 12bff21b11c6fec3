namespace Kok.Domain.Common;

/// <summary>
/// A queue message that can never succeed, however often it comes: it names a subject (member, donation) that does
/// not exist. The counterpart of <see cref="NotYetException"/>: retrying would only delay the inevitable, so the queue
/// function moves the message to its poison queue at once (<c>QueueMessageHandler</c> in Kok.Functions) and logs
/// <see cref="Exception.Message"/> as the reason. The message therefore names kinds and ids only, never personal data.
/// </summary>
public sealed class UnprocessableMessageException : Exception
{
    public UnprocessableMessageException()
    {
    }

    public UnprocessableMessageException(string message)
        : base(message)
    {
    }

    public UnprocessableMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The message names <paramref name="kind"/> <paramref name="id"/>, which does not exist.</summary>
    public static UnprocessableMessageException UnknownSubject(string kind, string id) => new($"unknown {kind} {id}");
}
