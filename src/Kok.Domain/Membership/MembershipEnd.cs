using Kok.Domain.Receipts;

namespace Kok.Domain.Membership;

/// <summary>
/// The one end date of a cancelled membership that people are told, and its wording. <see cref="Member.EndsOn"/> is
/// the first day the person is no longer a member (what the endings index and the daily run use); people are told
/// the last day of membership, in the words German law uses for the end of a period (§ 188 BGB, "Fristende"):
/// "endet mit Ablauf des 01.12.2027", i.e. on 1 December 2027 the person is still a member. The cancellation page,
/// the mails and the dashboard all take the date from <see cref="LastDay"/> (through <see cref="Member.MemberUntil"/>)
/// and the words from <see cref="AtTheEndOf"/>; the APIs carry it as <c>memberUntil</c> next to <c>endsOn</c>.
/// </summary>
public static class MembershipEnd
{
    /// <summary>The last day of membership when <paramref name="endsOn"/> is the first day without.</summary>
    public static DateOnly LastDay(DateOnly endsOn) => endsOn.AddDays(-1);

    /// <summary>
    /// The last day of a membership that ran (<paramref name="memberSince"/> set) and ends or ended on
    /// <paramref name="endsOn"/>; null when it is not ending or never began (a sign-up withdrawn before its first
    /// dues arrived).
    /// </summary>
    public static DateOnly? LastDay(DateOnly? endsOn, DateOnly? memberSince) =>
        endsOn is { } end && memberSince is { } since && end > since ? LastDay(end) : null;

    /// <summary>"mit Ablauf des 01.12.2027" or "at the end of 1 December 2027", for "… endet mit Ablauf des …".</summary>
    public static string AtTheEndOf(DateOnly lastDay, bool english) =>
        english ? $"at the end of {MemberMailComposer.Date(lastDay, english)}" : $"mit Ablauf des {GermanDate.Format(lastDay)}";
}
