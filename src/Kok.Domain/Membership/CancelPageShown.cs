namespace Kok.Domain.Membership;

/// <summary>
/// The member opened a valid personal link: show the membership and, if it can still be cancelled, the button.
/// <see cref="LastDayIfCancelled"/> is the last day of membership a cancellation now would leave (the end of the paid
/// period), null when it would end the membership at once.
/// </summary>
public sealed record CancelPageShown(MemberView Member, DateOnly? LastDayIfCancelled) : CancelMembershipResult
{
    public bool CanCancel => Member.Status is not (MembershipStatus.Cancelling or MembershipStatus.Ended);
}
