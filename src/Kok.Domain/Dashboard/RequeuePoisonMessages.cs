using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Staff send the messages parked in a poison queue back to their work queue
/// (<c>POST /api/dashboard/mail/poison/{queue}/requeue</c>), typically after the cause (a mail service outage, a
/// bug) is fixed. Only the app's own work queues qualify. Recorded in the audit trail under <see cref="AuditEntry.Global"/>.
/// </summary>
public sealed class RequeuePoisonMessages(IPoisonQueues queues, IAuditTrail audit, IIdGenerator ids, TimeProvider time)
{
    public const string AuditAction = "mail.poison.requeue";

    public async Task<PoisonRequeueResult> ExecuteAsync(string queue, string staffId, string staffName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(queue) || !queues.WorkQueues.Contains(queue, StringComparer.Ordinal))
        {
            return new PoisonRequeueResult(StaffActionOutcome.NotFound, queue ?? string.Empty);
        }

        var requeued = await queues.RequeueAsync(queue, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry(
                ids.NewId(RecomputeDashboardTotals.AuditIdPrefix),
                AuditEntry.Global,
                AuditAction,
                staffId,
                staffName,
                time.GetUtcNow(),
                AuditFacts.Format((AuditFacts.Queue, queue), (AuditFacts.Requeued, requeued))),
            cancellationToken).ConfigureAwait(false);
        return new PoisonRequeueResult(StaffActionOutcome.Done, queue, requeued);
    }
}
