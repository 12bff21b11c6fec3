using Kok.Domain.Common;
using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Staff send a dues reminder now (<c>POST /api/dashboard/members/{id}/remind</c>) to an overdue or lapsed member,
/// whatever reminders the dues run sent already. The action is recorded first; its audit entry id names the mail
/// (<see cref="MemberMailRequest.StaffReminder"/>), so each action sends exactly one mail however often the queue
/// delivers the message, and the next action another one. The member itself is not written.
/// Cost: one point read, one audit insert, one queue message.
/// </summary>
public sealed class RemindMember(
    IMemberRepository members,
    IMemberMailQueue memberMails,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public const string AuditAction = "member.remind";

    public async Task<RemindMemberResult> ExecuteAsync(string memberId, string staffId, string staffName, CancellationToken cancellationToken)
    {
        if (!Member.IsWellFormedId(memberId))
        {
            return new RemindMemberResult(StaffActionOutcome.NotFound, memberId);
        }

        var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (stored?.Member is not { } member)
        {
            return new RemindMemberResult(StaffActionOutcome.NotFound, memberId);
        }

        var now = time.GetUtcNow();
        if (member.Status is not (MembershipStatus.Overdue or MembershipStatus.Lapsed)
            || member.PayableDuesPeriod(AssociationCalendar.Date(now)) is not { } period)
        {
            return new RemindMemberResult(StaffActionOutcome.Conflict, memberId, Status: member.Status);
        }

        var actionId = ids.NewId(RecomputeDashboardTotals.AuditIdPrefix);
        var request = MemberMailRequest.StaffReminder(member.Id, period.Start, actionId);
        await audit.RecordAsync(
            new AuditEntry(actionId, member.Id, AuditAction, staffId, staffName, now, AuditFacts.Format((AuditFacts.Period, period.Start), (AuditFacts.Status, member.Status), (AuditFacts.Mail, request.Kind))),
            cancellationToken).ConfigureAwait(false);
        await memberMails.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return new RemindMemberResult(StaffActionOutcome.Done, member.Id, request.Kind, member.Status, actionId);
    }
}
