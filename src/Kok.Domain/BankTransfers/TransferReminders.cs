using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The daily transfer-reminder run: a transfer donation still waiting for its money
/// <see cref="BankTransferSettings.ReminderDays"/> days (Berlin calendar days) after it was made gets one friendly
/// reminder. It reads the agenda up to that day (one range query over day partitions), so its work grows with the
/// donations due, not with all donations. Per donation due: one point read, the mail (mail log insert and replace),
/// one agenda delete.
/// <para>
/// Repeatable: the mail log key (kind + donation id) sends the reminder once however often the run repeats or dies
/// half way; the agenda row goes only after the mail was handled, so a crash in between costs a redundant lookup, never
/// a lost reminder. A donation whose money came meanwhile has left the agenda by its own save; a row left behind by a
/// crash is recognised here (the donation no longer waits) and dropped. A mail that fails stays on the agenda for the
/// next run. Without an account (transfers no longer offered) nothing is sent and the agenda stays as it is.
/// </para>
/// </summary>
public sealed class TransferReminders(
    ITransferReminderAgenda agenda,
    IDonationRepository donations,
    TransferReminderMails mails,
    BankTransferSettings transfers,
    TimeProvider time)
{
    /// <summary>The last day a donation may have been made on to be reminded on <paramref name="today"/>.</summary>
    public static DateOnly MadeOnOrBefore(DateOnly today, int reminderDays) => today.AddDays(-reminderDays);

    public async Task<TransferReminderRunReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var today = AssociationCalendar.Date(time.GetUtcNow());
        var due = await agenda.MadeOnOrBeforeAsync(MadeOnOrBefore(today, transfers.ReminderDays), cancellationToken).ConfigureAwait(false);
        if (transfers.Account is not { } account)
        {
            return new TransferReminderRunReport(due.Count, 0, 0, due.Count);
        }

        int reminded = 0, dropped = 0, deferred = 0;
        foreach (var entry in due)
        {
            switch (await RemindAsync(entry, account, cancellationToken).ConfigureAwait(false))
            {
                case Outcome.Reminded: reminded++; break;
                case Outcome.Dropped: dropped++; break;
                default: deferred++; break;
            }
        }

        return new TransferReminderRunReport(due.Count, reminded, dropped, deferred);
    }

    private async Task<Outcome> RemindAsync(TransferReminderEntry entry, BankAccount account, CancellationToken cancellationToken)
    {
        var stored = await donations.GetAsync(entry.DonationId, cancellationToken).ConfigureAwait(false);
        if (stored?.Donation is not { AwaitingTransferSince: not null } donation)
        {
            await agenda.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            return Outcome.Dropped;
        }

        try
        {
            await mails.SendAsync(donation, account, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Not hidden: the run reports it as deferred and the row stays for the next run.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // One donor's mail failing (the mail service down, another run holding its lease) must not hold up the
            // others; its row stays, so the next run tries again and the mail log still sends it once.
            return Outcome.Deferred;
        }

        await agenda.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
        return Outcome.Reminded;
    }

    private enum Outcome
    {
        Reminded,
        Dropped,
        Deferred,
    }
}
