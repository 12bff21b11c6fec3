namespace Kok.Domain.Membership;

/// <summary>The member's stored state does not (yet) call for the requested mail; the queue retries it.</summary>
public sealed class MemberMailNotDueException : Exception
{
    public MemberMailNotDueException()
    {
    }

    public MemberMailNotDueException(string message)
        : base(message)
    {
    }

    public MemberMailNotDueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MemberMailNotDueException(MemberMailKind kind)
        : base($"The member's state does not call for a {kind} mail yet.")
    {
    }
}
