using Kok.Domain.Privacy;

namespace Kok.Domain.Mail;

/// <summary>
/// Sends a mail at most once per <see cref="MailLogKey"/>, however often its queue message is delivered, and keeps a
/// log of the outcome (<see cref="IMailLog"/>).
/// <para>
/// Protocol: claim the key (insert a pending entry with a lease, or take over a pending one whose last attempt ended
/// or whose lease expired), prepare the mail (this is where receipts are issued), send, record sent or failed. A
/// transient error (exception) is recorded on the entry, the lease released and the exception rethrown, so the
/// queue retries. Exactly once in the normal case; only a crash between the mail service's answer and the record
/// leaves a pending entry whose expired lease lets a later delivery send a second copy. A duplicate that arrives
/// while the first is in flight finds the lease and is retried later (<see cref="MailInProgressException"/>).
/// </para>
/// Storage cost: a first delivery is one insert plus one replace; a redelivery of a finished mail one failed insert
/// plus one read.
/// <para>
/// Every prepared mail passes <see cref="MailFinishing"/> (the Mein KOK link; objections to optional mails, which are
/// then logged as skipped with <see cref="MailObjections.SkipReason"/>). Without <paramref name="finishing"/> (unit
/// tests of other concerns) every mail goes as prepared.
/// </para>
/// </summary>
public sealed class MailDispatcher(IMailLog log, IMailSender sender, TimeProvider time, MailFinishing? finishing = null)
{
    /// <summary>
    /// How long a worker may hold a mail: at least the Functions timeout (host.json functionTimeout, 5 minutes), so
    /// a slow but living worker is never overtaken.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int MaxClaimAttempts = 3;

    public async Task<MailDispatch> SendOnceAsync(
        MailLogKey key,
        Func<CancellationToken, Task<PreparedMail>> prepare,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(prepare);

        var entry = await ClaimAsync(key, cancellationToken).ConfigureAwait(false);
        if (entry.IsFinal)
        {
            return new MailDispatch(
                entry.State == MailLogState.Sent ? MailDispatchOutcome.AlreadySent : MailDispatchOutcome.AlreadyFailed,
                entry);
        }

        MailLogEntry outcome;
        MailDispatchOutcome dispatched;
        try
        {
            var prepared = await prepare(cancellationToken).ConfigureAwait(false);
            if (finishing is not null)
            {
                prepared = await finishing.FinishAsync(key.Kind, prepared, cancellationToken).ConfigureAwait(false);
            }

            // A supporter without an e-mail address (a donation staff made from a bank statement line) has one under
            // the reserved .invalid domain, which no mail service can deliver to: nothing is sent.
            if (prepared.Message?.To.Email.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase) == true)
            {
                prepared = PreparedMail.Skip("no e-mail address is known");
            }

            if (prepared.Message is null)
            {
                outcome = entry.MarkFailed(prepared.SkipReason!, prepared.ReceiptNumber, time.GetUtcNow());
                dispatched = MailDispatchOutcome.Skipped;
            }
            else
            {
                var result = await sender.SendAsync(prepared.Message, cancellationToken).ConfigureAwait(false);
                (outcome, dispatched) = result switch
                {
                    MailSent sent => (entry.MarkSent(sent.MessageId, prepared.ReceiptNumber, time.GetUtcNow()), MailDispatchOutcome.Sent),
                    MailRejected rejected => (entry.MarkFailed(rejected.Reason, prepared.ReceiptNumber, time.GetUtcNow()), MailDispatchOutcome.Rejected),
                    _ => throw new InvalidOperationException("Unknown mail send result."),
                };
            }
        }
        catch (Exception ex)
        {
            await ReleaseAsync(entry, ex).ConfigureAwait(false);
            throw;
        }

        // Not inside the try: if this write fails after the mail went out, the lease stays and keeps redeliveries
        // off until it expires, rather than inviting an immediate second copy.
        await log.SaveAsync(outcome, CancellationToken.None).ConfigureAwait(false);
        return new MailDispatch(dispatched, outcome);
    }

    private async Task<MailLogEntry> ClaimAsync(MailLogKey key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var fresh = MailLogEntry.Begin(key, now, Lease);
            if (await log.TryAddAsync(fresh, cancellationToken).ConfigureAwait(false))
            {
                return fresh;
            }

            var existing = await log.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                continue;
            }

            if (existing.IsFinal)
            {
                return existing;
            }

            if (existing.IsLeasedAt(now))
            {
                throw new MailInProgressException(key);
            }

            var retaken = existing.Retake(now, Lease);
            if (await log.TryReplaceAsync(retaken, cancellationToken).ConfigureAwait(false))
            {
                return retaken;
            }
        }

        throw new MailInProgressException(key);
    }

    /// <summary>Best effort: the original exception matters more than a failure to note it.</summary>
    private async Task ReleaseAsync(MailLogEntry entry, Exception error)
    {
        try
        {
            await log.SaveAsync(entry.MarkAttemptFailed(error.GetType().Name, time.GetUtcNow()), CancellationToken.None)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The caller rethrows the original exception; this one would only hide it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
