using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Staff cancel a membership from the dashboard (<c>POST /api/dashboard/members/{id}/cancel</c>) through the same
/// use case as the member's own link (<see cref="CancelMembership.ByStaffAsync"/>): same ending rules, the ending
/// scheduled, the confirmation mail sent; cancelling again changes and sends nothing. Recorded in the audit trail
/// with the outcome.
/// </summary>
public sealed class CancelMemberByStaff(CancelMembership cancel, IAuditTrail audit, Common.IIdGenerator ids, TimeProvider time)
{
    public const string AuditAction = "member.cancel";

    public async Task<StaffCancelResult> ExecuteAsync(string memberId, string staffId, string staffName, CancellationToken cancellationToken)
    {
        var result = await cancel.ByStaffAsync(memberId, staffId, cancellationToken).ConfigureAwait(false);
        if (result is not MembershipCancelled cancelled)
        {
            return new StaffCancelResult(StaffActionOutcome.NotFound, memberId);
        }

        var member = cancelled.Member;
        await audit.RecordAsync(
            new AuditEntry(
                ids.NewId(RecomputeDashboardTotals.AuditIdPrefix),
                member.MemberId,
                AuditAction,
                staffId,
                staffName,
                time.GetUtcNow(),
                AuditFacts.Format((AuditFacts.Outcome, cancelled.Outcome), (AuditFacts.Status, member.Status), (AuditFacts.EndsOn, member.EndsOn))),
            cancellationToken).ConfigureAwait(false);
        return new StaffCancelResult(StaffActionOutcome.Done, member.MemberId, member.Status, member.EndsOn, cancelled.Outcome, member.MemberUntil);
    }
}
