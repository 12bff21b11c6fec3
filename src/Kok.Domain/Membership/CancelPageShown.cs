namespace Kok.Domain.Membership;

/// <summary>The member opened a valid personal link: show the membership and, if it can still be cancelled, the button.</summary>
public sealed record CancelPageShown(MemberView Member) : CancelMembershipResult
{
    public bool CanCancel => Member.Status is not (MembershipStatus.Cancelling or MembershipStatus.Ended);
}
