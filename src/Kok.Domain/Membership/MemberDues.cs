using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// The dues cycle of one <see cref="Member"/> after its first year: the run's progress through the cycle due on
/// <see cref="Member.NextDuesDate"/> (<see cref="Cycle"/>), one <see cref="DuesEntry"/> per period asked for or paid,
/// and the one place where a period's outcome lands, whichever way it came (off-session charge, webhook, checkout by
/// link, bank transfer). It lives apart from the member's sign-up and cancellation so each lifecycle can be read on its
/// own; it changes the member only through the member's own status moves and dues dates.
/// </summary>
internal sealed class MemberDues(Member member)
{
    private readonly List<DuesEntry> entries = [];

    public DuesCycle Cycle { get; private set; } = DuesCycle.Fresh;

    /// <summary>Dues asked for or paid after the first year, one per period, oldest first.</summary>
    public IReadOnlyList<DuesEntry> Entries => entries.OrderBy(e => e.PeriodStart).ToList();

    public void Restore(DuesCycle? cycle, IEnumerable<DuesEntry>? saved)
    {
        Cycle = cycle ?? DuesCycle.Fresh;
        entries.AddRange(saved ?? []);
    }

    /// <summary>A fresh cycle for the next period, once a period was paid through.</summary>
    public void StartNextCycle() => Cycle = DuesCycle.Fresh;

    public DuesEntry? EntryFor(DateOnly periodStart) => entries.Find(e => e.PeriodStart == periodStart);

    public DuesEntry? EntryForIntent(string paymentIntentId) => entries.Find(d => d.PaymentIntentId == paymentIntentId);

    public bool RecordPreNotification(DateOnly today)
    {
        if (member.Status != MembershipStatus.Active || member.NextDuesDate is null || Cycle.PreNotifiedOn is not null)
        {
            return false;
        }

        Cycle = Cycle with { PreNotifiedOn = today };
        return true;
    }

    public DuesEntry? RequestCharge(DateOnly today)
    {
        if (member.PaysByTransfer || member.Status != MembershipStatus.Active || Cycle.PreNotifiedOn is null || Cycle.ChargeRequestedOn is not null
            || member.CurrentDuesPeriod is not { } period || EntryFor(period.Start) is not null)
        {
            return null;
        }

        var entry = new DuesEntry(period.Start, period.End, member.AnnualAmountCents, member.DuesPaymentId(period.Start), DuesEntryStatus.Pending, today);
        entries.Add(entry);
        Cycle = Cycle with { ChargeRequestedOn = today };
        return entry;
    }

    public bool RecordReminder(int number)
    {
        if (member.Status != MembershipStatus.Overdue || number <= Cycle.RemindersSent)
        {
            return false;
        }

        Cycle = Cycle with { RemindersSent = number };
        return true;
    }

    public bool Lapse(DateTimeOffset now)
    {
        if (member.Status != MembershipStatus.Overdue)
        {
            return false;
        }

        Cycle = Cycle with { LapsedOn = AssociationCalendar.Date(now) };
        member.MoveTo(MembershipStatus.Lapsed, now, "dues unpaid after the grace period");
        return true;
    }

    /// <summary>The provider's answer to the off-session charge; false when it changed nothing.</summary>
    public bool RecordCharge(DateOnly periodStart, DuesChargeResult result, DateTimeOffset now)
    {
        if (EntryFor(periodStart) is null)
        {
            return false;
        }

        var outcome = result.Status switch
        {
            DuesChargeStatus.Succeeded => DuesOutcome.Paid,
            DuesChargeStatus.Processing => DuesOutcome.Processing,
            _ => DuesOutcome.Failed,
        };
        return Settle(new DuesSettlement(periodStart, outcome, now)
        {
            PaymentIntentId = result.PaymentIntentId,
            AmountCents = member.AnnualAmountCents,
            FailureCode = result.FailureCode ?? result.Status.ToString(),
        });
    }

    /// <summary>
    /// The charge day of a member paying by bank transfer: nothing is charged; the period's entry opens as failed with
    /// <see cref="AwaitingTransferCode"/> and the member is overdue from today, so the reminders and the lapse follow
    /// as for a declined charge, without the pay-link mail of a declined charge (the payment request went out on the
    /// pre-notification day). False when nothing is to be asked for.
    /// </summary>
    public bool AwaitTransfer(DateTimeOffset now)
    {
        var today = AssociationCalendar.Date(now);
        if (!member.PaysByTransfer || member.Status != MembershipStatus.Active || Cycle.PreNotifiedOn is null
            || Cycle.ChargeRequestedOn is not null || member.CurrentDuesPeriod is not { } period || EntryFor(period.Start) is not null)
        {
            return false;
        }

        entries.Add(new DuesEntry(period.Start, period.End, member.AnnualAmountCents, member.DuesPaymentId(period.Start),
            DuesEntryStatus.Failed, today, FailureCode: AwaitingTransferCode, SettledAt: now));
        Cycle = Cycle with { ChargeRequestedOn = today, LastFailedChargeOn = today };
        member.MoveTo(MembershipStatus.Overdue, now, "dues asked for by bank transfer, not arrived yet");
        return true;
    }

    /// <summary>The failure code of a period whose dues a member paying by bank transfer has not transferred yet.</summary>
    public const string AwaitingTransferCode = "awaiting_bank_transfer";

    public BankTransferResult RecordBankTransfer(BankTransfer transfer, DateTimeOffset now, bool acceptLess = false)
    {
        var today = AssociationCalendar.Date(now);
        if (transfer.PaidOn > today)
        {
            throw new ArgumentException("A bank transfer cannot arrive in the future.", nameof(transfer));
        }

        if (member.PayableDuesPeriod(today) is not { } period)
        {
            return new BankTransferResult(
                member.Status is MembershipStatus.Active or MembershipStatus.Cancelling && entries.Count > 0
                    && Entries[^1].Status == DuesEntryStatus.Paid
                    ? BankTransferOutcome.AlreadyPaid
                    : BankTransferOutcome.NothingPayable);
        }

        var entry = EntryFor(period.Start);
        var dues = entry?.AmountCents ?? member.AnnualAmountCents;
        var paymentId = member.DuesPaymentId(period.Start);
        switch (entry?.Status)
        {
            case DuesEntryStatus.Paid:
                return new BankTransferResult(BankTransferOutcome.AlreadyPaid, period, entry.PaymentId, dues);
            case DuesEntryStatus.Pending or DuesEntryStatus.Processing:
                return new BankTransferResult(BankTransferOutcome.PaymentInProgress, period, paymentId, dues);
        }

        if (transfer.AmountCents < dues && !acceptLess)
        {
            return new BankTransferResult(BankTransferOutcome.AmountTooLow, period, paymentId, dues);
        }

        // Noon UTC is the same calendar day in Berlin; a transfer booked today is not dated after now.
        var noon = new DateTimeOffset(transfer.PaidOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var settled = Settle(new DuesSettlement(period.Start, DuesOutcome.Paid, now)
        {
            AmountCents = transfer.AmountCents,
            Transfer = new DuesSettlement.TransferFacts(transfer.Reference, noon < now ? noon : now),
        });
        return new BankTransferResult(settled ? BankTransferOutcome.Recorded : BankTransferOutcome.AlreadyPaid, period, paymentId, dues);
    }

    /// <summary>A <c>payment_intent.*</c> event: settles the off-session charge it belongs to.</summary>
    public ApplyOutcome OnPaymentIntent(PaymentEvent e, string paymentIntentId, long amountCents, DuesOutcome outcome, string? failureCode)
    {
        var entry = EntryForIntent(paymentIntentId)
            ?? (PaymentMetadataKeys.PeriodOf(e) is { } period ? EntryFor(period) : null);

        // Payment intents of checkouts (first year, dues by link) are settled by the checkout events.
        if (entry is null || entry.PaymentIntentId is { } known && known != paymentIntentId)
        {
            return ApplyOutcome.NoChange;
        }

        return Outcome(Settle(new DuesSettlement(entry.PeriodStart, outcome, e.Created)
        {
            PaymentIntentId = paymentIntentId,
            AmountCents = amountCents,
            FailureCode = failureCode,
        }));
    }

    /// <summary>A checkout event of a payment by link for <paramref name="periodStart"/>.</summary>
    public ApplyOutcome OnCheckout(DateOnly periodStart, string? paymentIntentId, long amountCents, DuesOutcome outcome, DateTimeOffset at) =>
        Outcome(Settle(new DuesSettlement(periodStart, outcome, at)
        {
            PaymentIntentId = paymentIntentId,
            AmountCents = amountCents,
            FailureCode = outcome == DuesOutcome.Failed ? "checkout_payment_failed" : null,
        }));

    /// <summary>
    /// The one place dues outcomes land, whichever way they came. A paid period is final; a later attempt (a link
    /// payment after a failed charge) may replace a failed one. False when nothing changed.
    /// </summary>
    private bool Settle(DuesSettlement settlement)
    {
        if (member.MemberSince is not { } since)
        {
            return false;
        }

        var entry = EntryFor(settlement.PeriodStart);
        if (entry is { Status: DuesEntryStatus.Paid })
        {
            return false;
        }

        var today = AssociationCalendar.Date(settlement.At);
        var samePayment = entry?.PaymentIntentId is null || entry.PaymentIntentId == settlement.PaymentIntentId;
        if (entry is null)
        {
            var period = DuesCalendar.PeriodFor(since, settlement.PeriodStart);
            entry = new DuesEntry(period.Start, period.End, member.AnnualAmountCents, member.DuesPaymentId(period.Start), DuesEntryStatus.Pending, today);
            entries.Add(entry);
        }
        else if (!samePayment && entry.Status != DuesEntryStatus.Failed && settlement.Transfer is null)
        {
            // A second payment intent while the first is still open: only the first one counts.
            return false;
        }

        var updated = Updated(entry, settlement);
        if (updated == entry || entry.Status == DuesEntryStatus.Failed && settlement.Outcome == DuesOutcome.Failed)
        {
            return false;
        }

        entries[entries.IndexOf(entry)] = updated;
        switch (settlement.Outcome)
        {
            case DuesOutcome.Paid:
                OnPaid(updated, settlement.AmountCents > 0 ? settlement.AmountCents : updated.AmountCents, settlement);
                break;
            case DuesOutcome.Failed:
                OnFailed(updated, today, settlement.At);
                break;
        }

        return true;
    }

    private static DuesEntry Updated(DuesEntry entry, DuesSettlement settlement) => settlement.Outcome switch
    {
        // A transfer replaces a failed provider attempt: its payment intent must not stay on the paid entry.
        DuesOutcome.Paid when settlement.Transfer is { } transfer => entry with
        {
            Status = DuesEntryStatus.Paid,
            PaymentIntentId = null,
            FailureCode = null,
            SettledAt = settlement.At,
            PaidWith = PaymentMethodKind.BankTransfer,
            TransferReference = transfer.Reference,
        },
        DuesOutcome.Paid => entry with
        {
            Status = DuesEntryStatus.Paid,
            PaymentIntentId = settlement.PaymentIntentId ?? entry.PaymentIntentId,
            FailureCode = null,
            SettledAt = settlement.At,
        },
        DuesOutcome.Processing => entry with
        {
            Status = DuesEntryStatus.Processing,
            PaymentIntentId = settlement.PaymentIntentId ?? entry.PaymentIntentId,
        },
        _ => entry with
        {
            Status = DuesEntryStatus.Failed,
            PaymentIntentId = settlement.PaymentIntentId ?? entry.PaymentIntentId,
            FailureCode = settlement.FailureCode,
            SettledAt = settlement.At,
        },
    };

    private void OnPaid(DuesEntry entry, long amountCents, DuesSettlement settlement)
    {
        var payment = member.RecordDuesPayment(entry, amountCents, settlement.Transfer?.PaidAt ?? settlement.At);
        if (member.PaidThrough is not { } paidThrough || entry.PeriodEnd > paidThrough)
        {
            member.PayThrough(entry.PeriodEnd, entry.Period.NextDueDate);
        }

        if (member.Status is MembershipStatus.Overdue or MembershipStatus.Lapsed)
        {
            member.MoveTo(MembershipStatus.Active, settlement.At,
                member.Status == MembershipStatus.Lapsed ? "dues paid after lapse" : "overdue dues paid");
        }

        member.Raise(new DuesPaid(member.Id, payment.Id, entry.PeriodStart, payment.AmountCents));
    }

    private void OnFailed(DuesEntry entry, DateOnly today, DateTimeOffset at)
    {
        if (member.CurrentDuesPeriod?.Start != entry.PeriodStart)
        {
            return;
        }

        Cycle = Cycle with { LastFailedChargeOn = today };
        if (member.Status == MembershipStatus.Active)
        {
            member.MoveTo(MembershipStatus.Overdue, at, "dues could not be collected");
            member.Raise(new DuesChargeFailed(member.Id, entry.PeriodStart));
        }
    }

    /// <summary>
    /// The bank took back the payment of a period (a dues entry's, or the first year's): the entry fails with the
    /// reason; if it was the latest period paid, the member owes it again from today: overdue with the pay-link mail
    /// as for a declined charge (<see cref="DuesChargeFailed"/>), dues reminders and lapse as usual. The receipt is
    /// withdrawn in every case (<see cref="DuesPaymentTakenBack"/>), also when <paramref name="periodUnpaid"/> is false
    /// (a dispute first heard of as won: the period stays paid).
    /// </summary>
    public void TakeBack(Payment payment, DateTimeOffset at, bool periodUnpaid)
    {
        if (PeriodOf(payment) is not { } period)
        {
            return;
        }

        member.Raise(new DuesPaymentTakenBack(member.Id, payment.Id, period.Start));
        if (!periodUnpaid)
        {
            return;
        }

        // Dated by the facts (when the dispute opened, when the debit came back), not by the event that happened to
        // tell it first, so any order of events leaves the same dues.
        at = payment.Dispute?.OpenedAt ?? payment.ReturnedAt ?? at;
        var today = AssociationCalendar.Date(at);
        var reason = payment.Dispute?.ReasonCode ?? payment.FailureCode ?? "returned";
        if (entries.Find(e => e.PaymentId == payment.Id) is { } entry)
        {
            entries[entries.IndexOf(entry)] = entry with { Status = DuesEntryStatus.Failed, FailureCode = reason, SettledAt = at };
        }
        else if (EntryFor(period.Start) is null)
        {
            // The first year has no dues entry: one is opened, failed, so the period is owed like any declined year
            // (the dues mails and the pay link look for it); a payment by link pays it under the period's own id.
            entries.Add(new DuesEntry(
                period.Start, period.End, payment.AmountCents > 0 ? payment.AmountCents : member.AnnualAmountCents,
                member.DuesPaymentId(period.Start), DuesEntryStatus.Failed, today, FailureCode: reason, SettledAt: at));
        }

        if (member.PaidThrough == period.End)
        {
            member.UnpayFrom(period);
            Cycle = DuesCycle.Fresh with { PreNotifiedOn = today, ChargeRequestedOn = today, LastFailedChargeOn = today };
            if (member.Status == MembershipStatus.Active)
            {
                member.MoveTo(MembershipStatus.Overdue, at, "dues payment taken back by the bank");
                member.Raise(new DuesChargeFailed(member.Id, period.Start, payment.Id));
            }
        }
    }

    /// <summary>A won dispute: the period is paid again, unless it was paid otherwise meanwhile.</summary>
    public void GiveBack(Payment payment, DateTimeOffset at)
    {
        if (PeriodOf(payment) is not { } period || member.NextDuesDate != period.Start)
        {
            return;
        }

        if (entries.Find(e => e.PaymentId == payment.Id) is { } entry)
        {
            entries[entries.IndexOf(entry)] = entry with { Status = DuesEntryStatus.Paid, FailureCode = null };
        }
        else if (EntryFor(period.Start) is { Status: DuesEntryStatus.Failed, PaymentIntentId: null } opened
                 && opened.PaymentId == member.DuesPaymentId(period.Start))
        {
            // The entry opened for a first year taken back: the sign-up's payment pays it again.
            entries.Remove(opened);
        }

        member.PayThrough(period.End, period.NextDueDate);
        if (member.Status is MembershipStatus.Overdue or MembershipStatus.Lapsed)
        {
            member.MoveTo(MembershipStatus.Active, at, "dispute decided for the association: dues paid again");
        }
    }

    /// <summary>The period a payment paid: a dues entry's, or the first year for the sign-up's payment.</summary>
    private DuesPeriod? PeriodOf(Payment payment)
    {
        if (entries.Find(e => e.PaymentId == payment.Id) is { } entry)
        {
            return entry.Period;
        }

        return member.FirstPayment?.Id == payment.Id && member.MemberSince is { } since
            ? DuesCalendar.PeriodFor(since, since)
            : null;
    }

    private static ApplyOutcome Outcome(bool changed) => changed ? ApplyOutcome.Changed : ApplyOutcome.NoChange;
}
