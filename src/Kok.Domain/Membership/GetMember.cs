namespace Kok.Domain.Membership;

/// <summary><c>GET /api/memberships/{id}</c> for staff: the whole membership, or null if unknown. One point read.</summary>
public sealed class GetMember(IMemberRepository members)
{
    public async Task<MemberView?> ExecuteAsync(string memberId, CancellationToken cancellationToken)
    {
        // Malformed ids cannot exist; answering without a storage call keeps odd strings out of storage keys.
        if (!Member.IsWellFormedId(memberId))
        {
            return null;
        }

        var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : MemberView.Of(stored.Member);
    }
}
