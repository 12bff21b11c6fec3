namespace Kok.Functions.Mail;

/// <summary>
/// SendGrid could not take the mail right now (429 or 5xx). Thrown, not returned, so the queue message that asked for
/// the mail is retried and, after the queue's last attempt, parked in its poison queue. The message never contains
/// the recipient.
/// </summary>
public sealed class SendGridUnavailableException : Exception
{
    public SendGridUnavailableException()
    {
    }

    public SendGridUnavailableException(string message)
        : base(message)
    {
    }

    public SendGridUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SendGridUnavailableException(int statusCode, string message, TimeSpan? retryAfter)
        : base(message)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    /// <summary>SendGrid's Retry-After on 429, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
