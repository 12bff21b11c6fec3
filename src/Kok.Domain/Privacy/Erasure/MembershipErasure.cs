using Kok.Domain.Membership;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// What erasure does to a membership before its data goes: a running one is cancelled, ending at the end of its paid
/// period or today as staff chose; no confirmation mail (the address is being erased). One that ended stays ended.
/// </summary>
public static class MembershipErasure
{
    public static Member Apply(Member member, ErasureSubject subject)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.MembershipEnd == MembershipEndChoice.Now)
        {
            member.EndAtOnce(subject.At, subject.ErasedBy);
        }
        else
        {
            member.Cancel(subject.At, subject.ErasedBy);
        }

        return ErasedSupporter.Pseudonymise(member);
    }
}
