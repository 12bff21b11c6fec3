namespace Kok.Domain.SelfService;

/// <summary>
/// A sign-in link for a known address could not be stored or mailed (storage, mail service). Thrown only after the
/// address was found, so the caller can answer as for any other address instead of failing for known ones alone.
/// </summary>
public sealed class SignInLinkNotSentException : Exception
{
    public SignInLinkNotSentException()
    {
    }

    public SignInLinkNotSentException(string message)
        : base(message)
    {
    }

    public SignInLinkNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
