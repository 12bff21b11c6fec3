using Kok.Domain.Common;

namespace Kok.Domain.Membership;

/// <summary>The member's stored state does not (yet) call for the requested mail; the queue function puts it back for later.</summary>
public sealed class MemberMailNotDueException : NotYetException
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
