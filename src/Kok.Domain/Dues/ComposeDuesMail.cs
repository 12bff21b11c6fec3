using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Mail;
using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// Builds the dues mail a <see cref="MemberMailRequest"/> asks for, after checking against the stored member that it
/// is still due. Three answers:
/// <list type="bullet">
/// <item>null: not (yet) due. The dues run enqueues the request before it saves the member, so the request may have
/// overtaken the save; the queue function puts it back for later (and a request that never becomes due ends in the
/// poison queue after about an hour). So does a pay-link request for money the bank took back until that is saved,
/// because before it the period looks paid, which would otherwise read as obsolete.</item>
/// <item><see cref="PreparedMail.Skip"/>: obsolete (the period was paid meanwhile, the member cancelled, ended or
/// moved on to a later period, a later reminder went out). The message is acknowledged without a mail.</item>
/// <item><see cref="PreparedMail.Send"/>: the mail.</item>
/// </list>
/// A member that does not exist is none of these: <see cref="PrepareAsync"/> throws
/// <see cref="UnprocessableMessageException"/>, and the queue function moves the message to its poison queue.
/// Cost: one point read.
/// </summary>
public sealed class ComposeDuesMail(
    IMemberRepository members,
    DuesMailComposer composer,
    MemberLinks links,
    TimeProvider timeProvider,
    BankTransferSettings? bankTransfers = null,
    DuesTransferMailComposer? transferMails = null)
{
    /// <summary>The three answers above; null also when the member is unknown.</summary>
    public async Task<PreparedMail?> ExecuteAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        var start = PeriodOf(request);
        var stored = await members.GetAsync(request.MemberId, cancellationToken).ConfigureAwait(false);
        return stored?.Member is { } member ? Prepare(member, request, start) : null;
    }

    /// <summary>The three answers above; throws <see cref="UnprocessableMessageException"/> for an unknown member.</summary>
    public async Task<PreparedMail?> PrepareAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        var start = PeriodOf(request);
        var stored = await members.GetAsync(request.MemberId, cancellationToken).ConfigureAwait(false);
        return Prepare(stored?.Member ?? throw ComposeMemberMail.UnknownMember(request.MemberId), request, start);
    }

    private static DateOnly PeriodOf(MemberMailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsDuesMail && request.IsWellFormed && request.PeriodStart is { } start
            ? start
            : throw new ArgumentException("Not a well-formed dues mail request.", nameof(request));
    }

    private PreparedMail? Prepare(Member member, MemberMailRequest request, DateOnly start)
    {
        if (request.TakenBackPaymentId is { } takenBack && !IsTakenBack(member, takenBack))
        {
            // Enqueued before the take-back's save: until it lands the period still looks paid, which would read as
            // obsolete and close the mail unsent for good.
            return null;
        }

        if (Obsolete(member, start) is { } reason)
        {
            return PreparedMail.Skip(reason);
        }

        var now = timeProvider.GetUtcNow();
        if (request.Kind == MemberMailKind.DuesStaffReminder)
        {
            return StaffReminder(member, now);
        }

        var current = member.CurrentDuesPeriod!.Value;
        if (start > current.Start)
        {
            return null;
        }

        var entry = member.DuesEntryFor(start);
        switch (request.Kind)
        {
            case MemberMailKind.DuesPreNotification:
                if (member.Status != MembershipStatus.Active)
                {
                    return member.Status is MembershipStatus.Overdue or MembershipStatus.Lapsed
                        ? PreparedMail.Skip("the dues were charged already")
                        : null;
                }

                return member.Dues.PreNotifiedOn is null
                    ? null
                    : PreparedMail.Send(composer.PreNotification(member, links.CancelUrl(member.Id, now)));

            case MemberMailKind.DuesTransferRequest:
                if (member.Status is not (MembershipStatus.Active or MembershipStatus.Overdue))
                {
                    return PreparedMail.Skip("the dues are no longer asked for");
                }

                if (member.Dues.PreNotifiedOn is null)
                {
                    return null;
                }

                return bankTransfers?.Account is { } account && transferMails is not null
                    ? PreparedMail.Send(transferMails.DuesRequest(member, current, current.Start, account, links.CancelUrl(member.Id, now)))
                    : PreparedMail.Skip("bank transfers are not offered any more");

            case MemberMailKind.DuesChargeFailed:
                if (member.Status is not (MembershipStatus.Overdue or MembershipStatus.Lapsed))
                {
                    // Active with the failure already recorded would be a contradiction; active without it is the save
                    // still to come.
                    return entry?.Status == DuesEntryStatus.Failed ? PreparedMail.Skip("the dues are no longer overdue") : null;
                }

                if (entry?.Status == DuesEntryStatus.Processing)
                {
                    return PreparedMail.Skip("a payment of the dues is in progress");
                }

                return entry?.Status == DuesEntryStatus.Failed
                    ? PreparedMail.Send(composer.ChargeFailed(member, current, PayLink(member, now), links.CancelUrl(member.Id, now)))
                    : null;

            case MemberMailKind.DuesReminder:
                var number = request.ReminderNumber!.Value;
                if (member.Status == MembershipStatus.Lapsed)
                {
                    return PreparedMail.Skip("the membership lapsed meanwhile");
                }

                if (member.Status != MembershipStatus.Overdue || member.Dues.RemindersSent < number)
                {
                    return member.Status == MembershipStatus.Active && member.Dues.LastFailedChargeOn is not null
                        ? PreparedMail.Skip("the dues are no longer overdue")
                        : null;
                }

                if (member.Dues.RemindersSent > number)
                {
                    return PreparedMail.Skip("a later reminder went out");
                }

                return entry?.Status == DuesEntryStatus.Processing
                    ? PreparedMail.Skip("a payment of the dues is in progress")
                    : PreparedMail.Send(composer.Reminder(member, current, number, PayLink(member, now), links.CancelUrl(member.Id, now)));

            case MemberMailKind.DuesLapsed:
                return member.Status switch
                {
                    MembershipStatus.Lapsed => PreparedMail.Send(composer.Lapsed(member, PayLink(member, now), links.CancelUrl(member.Id, now))),
                    MembershipStatus.Overdue => null,
                    _ => PreparedMail.Skip("the membership is active again"),
                };

            default:
                throw new ArgumentException("Not a dues mail.", nameof(request));
        }
    }

    /// <summary>
    /// Staff asked for it after checking the status, and asking writes no member, so there is no save to wait for:
    /// whatever is not overdue or lapsed by now was paid or changed meanwhile, and the mail is skipped. An overdue
    /// member gets the reminder (the firmer one once a scheduled reminder went out), a lapsed one the lapse mail,
    /// which is the reminder that fits a lapsed membership: pay to revive it.
    /// </summary>
    private PreparedMail StaffReminder(Member member, DateTimeOffset now)
    {
        if (member.PayableDuesPeriod(AssociationCalendar.Date(now)) is not { } period)
        {
            return PreparedMail.Skip("the dues are no longer overdue");
        }

        if (member.DuesEntryFor(period.Start) is { Status: DuesEntryStatus.Processing or DuesEntryStatus.Pending })
        {
            return PreparedMail.Skip("a payment of the dues is in progress");
        }

        return member.Status == MembershipStatus.Lapsed
            ? PreparedMail.Send(composer.Lapsed(member, PayLink(member, now), links.CancelUrl(member.Id, now)))
            : PreparedMail.Send(composer.Reminder(member, period, Math.Max(1, member.Dues.RemindersSent), PayLink(member, now), links.CancelUrl(member.Id, now)));
    }

    /// <summary>Whether the bank's taking back of <paramref name="paymentId"/> is saved (a return, or a dispute opened).</summary>
    private static bool IsTakenBack(Member member, string paymentId) =>
        member.Payments.Any(p => p.Id == paymentId && (p.ReturnedAt is not null || p.Dispute is not null));

    /// <summary>Why a dues mail about <paramref name="periodStart"/> must not go out any more, or null.</summary>
    private static string? Obsolete(Member member, DateOnly periodStart)
    {
        if (member.CancelledAt is not null || member.Status is MembershipStatus.Cancelling or MembershipStatus.Ended)
        {
            return "the membership was cancelled or has ended";
        }

        if (member.DuesEntryFor(periodStart) is { Status: DuesEntryStatus.Paid })
        {
            return "the dues for the period are paid";
        }

        if (member.CurrentDuesPeriod is not { } current)
        {
            return "the member has no dues period";
        }

        return periodStart < current.Start ? "a later period is current" : null;
    }

    private Uri PayLink(Member member, DateTimeOffset now) => links.PayDuesUrl(member.Id, now);
}
