using Kok.Domain.Common;
using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// The daily dues run. It reads the dues agenda up to today (one range over date partitions) and takes, for each member
/// listed, the one step <see cref="DuesRules.Decide"/> gives: pre-notify, ask for the charge on <c>dues-charge</c>,
/// remind, or lapse. Its work is proportional to the members listed, never to all members.
/// <para>
/// Resumable and repeatable: each member's step is saved with the member (conditional write), and saving moves the
/// member to its next agenda day. A run that dies half way leaves the unprocessed entries in place for the next run or
/// a manual rerun; a second run on the same day finds the processed members moved on. Messages are put on the queues
/// before the save, so a crash in between can only repeat a message, which the mail log (one mail per member, period
/// and kind) and the charge's idempotency key (one charge per member and period) absorb.
/// </para>
/// Charge requests are released at <see cref="DuesPolicy.MaxChargesPerSecond"/>: the n-th of a run becomes visible on
/// the queue n / rate seconds after the run started (<see cref="DuesPolicy.ChargeRelease"/>), which bounds the charge rate however far
/// the queue's consumers scale out. A rerun the same day starts its own count, so for a while both may release.
/// The run keeps at most <see cref="ReleaseLead"/> of them waiting on the queue: once its requests reach that far ahead
/// it takes the next member only when the schedule has caught up. Why: a queue holding thousands of invisible
/// messages makes every receive and delete dearer on storage whose cost grows with the messages stored (the Azurite
/// emulator scans them all on each; README, "Benchmarks"), and a member read long before its request is sent would
/// widen the window in which a webhook changes the member and the save has to be repeated. So a day with N charges
/// takes about N / rate seconds; the charges happen at that pace anyway. Within the Functions host's time limit
/// (host.json <c>functionTimeout</c>, 5 minutes) that is about 6,000 charges at 20 a second; members a cancelled run did
/// not reach stay on the agenda, and the next run takes them.
/// Per member acted on: one point read, one queue message, one index upsert, one conditional write, one index delete.
/// </summary>
public sealed class RunDuesSchedule(
    IMemberRepository members,
    IMemberMailQueue mails,
    IDuesChargeQueue charges,
    DuesPolicy policy,
    TimeProvider timeProvider)
{
    public const int MaxSaveAttempts = 5;

    /// <summary>Members handled at once; each costs a few storage round trips, which is what the run waits on.</summary>
    public const int Parallelism = 8;

    /// <summary>How far ahead of its release a charge request is put on the queue at most (plus one per parallel member).</summary>
    public static readonly TimeSpan ReleaseLead = TimeSpan.FromSeconds(10);

    public async Task<DuesRunReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = AssociationCalendar.Date(now);
        var agenda = await members.FindDuesAgendaAsync(today, cancellationToken).ConfigureAwait(false);
        var counts = new int[Enum.GetValues<Outcome>().Length];
        var run = new RunState(today, now);
        await Parallel.ForEachAsync(
            agenda,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                var outcome = await ProcessAsync(entry, run, ct).ConfigureAwait(false);
                Interlocked.Increment(ref counts[(int)outcome]);
            }).ConfigureAwait(false);

        return new DuesRunReport(
            agenda.Count,
            counts[(int)Outcome.PreNotified],
            counts[(int)Outcome.ChargeRequested],
            counts[(int)Outcome.Reminded],
            counts[(int)Outcome.Lapsed],
            counts[(int)Outcome.Stale],
            counts[(int)Outcome.Deferred]);
    }

    private async Task<Outcome> ProcessAsync(DuesAgendaEntry entry, RunState run, CancellationToken cancellationToken)
    {
        await run.WaitForReleaseWindowAsync(policy, timeProvider, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = Member.IsWellFormedId(entry.MemberId)
                ? await members.GetAsync(entry.MemberId, cancellationToken).ConfigureAwait(false)
                : null;
            if (stored?.Member is not { } member || member.DuesAgendaDate != entry.Date)
            {
                // Left behind by a crash between index and member writes, or by a member that moved on: the member's
                // own agenda date is the truth, and it has its own entry.
                await members.RemoveDuesAgendaAsync(entry, cancellationToken).ConfigureAwait(false);
                return Outcome.Stale;
            }

            var step = DuesRules.Decide(member.DuesState, run.Today, policy);
            var outcome = await TakeStepAsync(member, step, run, cancellationToken).ConfigureAwait(false);
            if (await members.TrySaveAsync(member, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                return outcome;
            }
        }

        // Busy with provider events right now: the entry stays, the next run picks it up.
        return Outcome.Deferred;
    }

    private async Task<Outcome> TakeStepAsync(Member member, DuesStep step, RunState run, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case DuesAction.SendPreNotification when member.RecordPreNotification(run.Today):
                // A member paying by transfer gets the payment request (account, amount, code) where others get the
                // SEPA pre-notification, with the same notice before the due day.
                await MailAsync(member.PaysByTransfer ? MemberMailKind.DuesTransferRequest : MemberMailKind.DuesPreNotification, member, null, cancellationToken)
                    .ConfigureAwait(false);
                return Outcome.PreNotified;
            case DuesAction.Charge when member.PaysByTransfer:
                // Never charged: the period stays open, the member overdue until the money arrives (reminders, lapse).
                return member.AwaitDuesTransfer(run.Now) ? Outcome.ChargeRequested : Outcome.Stale;
            case DuesAction.Charge when member.RequestDuesCharge(run.Today) is { } requested:
                await charges.EnqueueAsync(
                    new DuesChargeMessage(member.Id, requested.PeriodStart), run.NextChargeDelay(policy, timeProvider.GetUtcNow()), cancellationToken)
                    .ConfigureAwait(false);
                return Outcome.ChargeRequested;
            case DuesAction.SendReminder when step.ReminderNumber is { } number && member.RecordReminder(number):
                await MailAsync(MemberMailKind.DuesReminder, member, number, cancellationToken).ConfigureAwait(false);
                return Outcome.Reminded;
            case DuesAction.Lapse when member.Lapse(run.Now):
                await MailAsync(MemberMailKind.DuesLapsed, member, null, cancellationToken).ConfigureAwait(false);
                return Outcome.Lapsed;
            default:
                // Nothing due after all (the agenda date was computed under another policy): the save reschedules.
                return Outcome.Stale;
        }
    }

    private Task MailAsync(MemberMailKind kind, Member member, int? reminderNumber, CancellationToken cancellationToken) =>
        mails.EnqueueAsync(
            MemberMailRequest.ForPeriod(kind, member.Id, member.CurrentDuesPeriod!.Value.Start, reminderNumber),
            cancellationToken);

    /// <summary>What one run shares between its parallel members: its day and time, and how many charges it released.</summary>
    private sealed class RunState(DateOnly today, DateTimeOffset now)
    {
        private int charges;

        public DateOnly Today { get; } = today;

        public DateTimeOffset Now { get; } = now;

        /// <summary>
        /// Waits while the requests released so far already reach more than <see cref="ReleaseLead"/> ahead, so the
        /// member is read, charged for and saved close to its request's release (see the class comment).
        /// </summary>
        public async Task WaitForReleaseWindowAsync(DuesPolicy policy, TimeProvider time, CancellationToken cancellationToken)
        {
            var nextRelease = Now + (policy.ChargeRelease(Volatile.Read(ref charges)) ?? TimeSpan.Zero);
            var wait = nextRelease - ReleaseLead - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                // Never longer than the lead: a clock set back while the run waits (DevHost's demo clock, a host's
                // correction) must not make it sleep for the difference; the pace is kept by each request's own release delay.
                await Task.Delay(wait < ReleaseLead ? wait : ReleaseLead, time, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// How long the next charge request stays invisible: its place in the release schedule counted from the
        /// run's start, not from now, so the time the run itself takes to read and save its members (a minute for a
        /// few thousand) does not push the last charges later and the pace below the limit.
        /// </summary>
        public TimeSpan? NextChargeDelay(DuesPolicy policy, DateTimeOffset now)
        {
            var release = policy.ChargeRelease(Interlocked.Increment(ref charges) - 1);
            var remaining = Now + release - now;
            return remaining > TimeSpan.Zero ? remaining : null;
        }
    }

    private enum Outcome
    {
        PreNotified,
        ChargeRequested,
        Reminded,
        Lapsed,
        Stale,
        Deferred,
    }
}
