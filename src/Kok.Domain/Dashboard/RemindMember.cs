using Kok.Domain.Common;
using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Staff send a dues reminder now (<c>POST /api/dashboard/members/{id}/remind</c>) to an overdue or lapsed member,
/// whatever reminders the dues run sent already. The action is recorded first; its audit entry id names the mail
/// (<see cref="MemberMailRequest.StaffReminder"/>), so each action sends exactly one mail however often the queue
/// delivers the message, and the next action another one. The member itself is not written.
/// <para>
/// One reminder per click, not per double-click: within <see cref="MinimumGap"/> of the last staff reminder to the
/// member, another is refused with that time (<see cref="RemindMemberResult.LastReminderAt"/>). The last reminder
/// lives with the audit trail (<see cref="IAuditTrail.TryRecordAsLatestAsync"/>), so the check and the record are one
/// conditional write: of two clicks at the same moment one records and mails, the other finds its write refused and
/// answers with the winner's time.
/// </para>
/// Cost: one point read of the member, one of the last reminder, one entity-group transaction, one queue message.
/// </summary>
public sealed class RemindMember(
    IMemberRepository members,
    IMemberMailQueue memberMails,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public const string AuditAction = "member.remind";

    /// <summary>How long after a staff reminder another one to the same member is refused.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(10);

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

        var last = await audit.GetLatestAsync(member.Id, AuditAction, cancellationToken).ConfigureAwait(false);
        if (last is not null && now - last.At < MinimumGap)
        {
            return TooSoon(member, last);
        }

        var actionId = ids.NewId(RecomputeDashboardTotals.AuditIdPrefix);
        var request = MemberMailRequest.StaffReminder(member.Id, period.Start, actionId);
        var entry = new AuditEntry(
            actionId, member.Id, AuditAction, staffId, staffName, now, AuditFacts.Format((AuditFacts.Period, period.Start), (AuditFacts.Status, member.Status), (AuditFacts.Mail, request.Kind)));
        if (!await audit.TryRecordAsLatestAsync(entry, last, cancellationToken).ConfigureAwait(false))
        {
            // Another click recorded its reminder between our read and our write: it is the one that goes out.
            var winner = await audit.GetLatestAsync(member.Id, AuditAction, cancellationToken).ConfigureAwait(false);
            return TooSoon(member, winner ?? new LatestAuditEntry(actionId, now, string.Empty));
        }

        // After the record: a crash in between leaves a recorded reminder without its mail (visible in the member's
        // mail list), never a mail nobody recorded; staff can remind again once the gap has passed.
        await memberMails.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
        return new RemindMemberResult(StaffActionOutcome.Done, member.Id, request.Kind, member.Status, actionId);
    }

    private static RemindMemberResult TooSoon(Member member, LatestAuditEntry last) =>
        new(StaffActionOutcome.Conflict, member.Id, Status: member.Status) { LastReminderAt = last.At };
}
