using Kok.Domain.Donations;
using Kok.Domain.Membership;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// Whose data one erasure removes: the hash of the address staff were given (<see cref="SelfService.SupporterKey"/>),
/// the donations and memberships under it as loaded before anything changed, when a running membership ends, who
/// erases (<c>staff:{id}</c>) and when. Personal data: never log it.
/// </summary>
public sealed record ErasureSubject(
    string SupporterKey,
    IReadOnlyList<Donation> Donations,
    IReadOnlyList<Member> Members,
    MembershipEndChoice MembershipEnd,
    string ErasedBy,
    DateTimeOffset At)
{
    public IEnumerable<string> DonationIds => Donations.Select(d => d.Id);

    public IEnumerable<string> MemberIds => Members.Select(m => m.Id);
}
