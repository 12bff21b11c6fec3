using Kok.Domain.Membership;

namespace Kok.Domain.SelfService;

/// <summary>
/// "Mein KOK": the signed-in supporter cancels one of their memberships through the existing cancellation path (end
/// of the paid period, confirmation mail, recorded as cancelled by the member). Any other membership id is not found.
/// </summary>
public sealed class CancelOwnMembership(ISupporterDirectory directory, CancelMembership cancel)
{
    public async Task<CancelMembershipResult> ExecuteAsync(string supporterKey, string memberId, CancellationToken cancellationToken)
    {
        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        return records.Members.Any(m => m.Id == memberId)
            ? await cancel.BySignedInMemberAsync(memberId, cancellationToken).ConfigureAwait(false)
            : new CancelMemberNotFound();
    }
}
