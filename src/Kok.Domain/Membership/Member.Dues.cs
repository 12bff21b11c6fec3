using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// The yearly dues as the member's own methods: the dues run's agenda day, pre-notifications, charges, reminders,
/// lapse and transfers. The rules live in <see cref="MemberDues"/>; these methods are the aggregate's doors to them.
/// </summary>
public sealed partial class Member
{
    /// <summary>
    /// Moves the member to the day the dues run must look at it next under <paramref name="policy"/>. The repository
    /// calls this on every save, so the date-keyed index can never miss a change.
    /// </summary>
    public DuesAgendaChange RescheduleDues(DuesPolicy policy)
    {
        var previous = DuesAgendaDate;
        DuesAgendaDate = DuesRules.AgendaDate(DuesState, policy);
        return new DuesAgendaChange(previous, DuesAgendaDate);
    }

    /// <summary>The dues of <paramref name="periodStart"/>, if asked for or paid.</summary>
    public DuesEntry? DuesEntryFor(DateOnly periodStart) => dues.EntryFor(periodStart);

    /// <summary>The payment id of one period's dues: derived, so every path to paying it names the same payment.</summary>
    public string DuesPaymentId(DateOnly periodStart) =>
        ledger.PaymentIdFor("dues-" + PaymentMetadataKeys.Period(periodStart));

    /// <summary>The SEPA pre-notification for the current cycle went out on <paramref name="today"/>; false if it had.</summary>
    public bool RecordPreNotification(DateOnly today) => dues.RecordPreNotification(today);

    /// <summary>The day the pre-notified dues are collected; null before the pre-notification.</summary>
    public DateOnly? AnnouncedChargeDate(DuesPolicy policy) =>
        NextDuesDate is { } due && Dues.PreNotifiedOn is { } notifiedOn ? DuesCalendar.ChargeDate(due, notifiedOn, policy) : null;

    /// <summary>The run asks for the current period's dues: a pending entry; null when asked for already or not chargeable.</summary>
    public DuesEntry? RequestDuesCharge(DateOnly today) => dues.RequestCharge(today);

    /// <summary>The provider's answer to the off-session charge (idempotent); returns the events raised.</summary>
    public IReadOnlyList<MemberEvent> RecordDuesCharge(DateOnly periodStart, DuesChargeResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        var start = raised.Count;
        dues.RecordCharge(periodStart, result, now);
        return RaisedSince(start);
    }

    /// <summary>Reminder <paramref name="number"/> for the overdue dues went out; false if it (or a later one) had.</summary>
    public bool RecordReminder(int number) => dues.RecordReminder(number);

    /// <summary>Unpaid past the grace period: lapsed (kept, flagged for staff), active again by paying; false when not overdue.</summary>
    public bool Lapse(DateTimeOffset now) => dues.Lapse(now);

    /// <summary>
    /// The period a payment by link pays for today: the overdue period (for a member paying by bank transfer also the
    /// period whose payment request went out, before it is due), or for a lapsed member the membership year
    /// that contains today (<see cref="DuesCalendar.ReactivationPeriod"/>); null when nothing is to be paid.
    /// </summary>
    public DuesPeriod? PayableDuesPeriod(DateOnly today) => Status switch
    {
        MembershipStatus.Overdue => CurrentDuesPeriod,
        MembershipStatus.Active when PaysByTransfer && Dues.PreNotifiedOn is not null => CurrentDuesPeriod,
        MembershipStatus.Lapsed when MemberSince is { } since && CancelledAt is null => DuesCalendar.ReactivationPeriod(since, today),
        _ => null,
    };

    /// <summary>
    /// Staff record dues that arrived as a bank transfer: they pay <see cref="PayableDuesPeriod"/> through the same
    /// settling path as every dues payment (<see cref="MemberDues.RecordBankTransfer"/>), raising <see cref="DuesPaid"/>.
    /// </summary>
    public BankTransferResult RecordBankTransfer(BankTransfer transfer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        var start = raised.Count;
        var result = dues.RecordBankTransfer(transfer, now);
        return result.Outcome == BankTransferOutcome.Recorded ? result with { Events = RaisedSince(start) } : result;
    }
}
