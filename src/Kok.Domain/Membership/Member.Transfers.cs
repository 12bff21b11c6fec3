using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// Dues by bank transfer (Überweisung): a member who chose it at sign-up gets one reference code for all years
/// (<see cref="DuesTransferCode"/>), the dues run asks for the money instead of charging, and a credit from the bank
/// statement (or one staff assign) pays the first year or the open period through the same settling path as every
/// dues payment.
/// </summary>
public sealed partial class Member
{
    /// <summary>The part of the member's reference code derivation that names the dues (the same code every year).</summary>
    public const string DuesTransferSlot = "dues";

    /// <summary>The member pays the dues by bank transfer: asked for by mail every year, never charged.</summary>
    public bool PaysByTransfer => PaymentMethod == PaymentMethodKind.BankTransfer;

    /// <summary>
    /// The code a member paying by transfer writes into every dues transfer: derived from the (random) id, so it is
    /// unguessable and the same every year. Null for other payment methods.
    /// </summary>
    public ReferenceCode? DuesTransferCode => PaysByTransfer ? ReferenceCode.Derive(Id, DuesTransferSlot) : null;

    /// <summary>
    /// A member paying by transfer that is still waiting for its first year's money (it then becomes active, with the
    /// welcome mail and the receipt, as after a paid checkout).
    /// </summary>
    public bool AwaitsFirstTransfer => PaysByTransfer && Status == MembershipStatus.Pending && FirstPayment is null;

    /// <summary>
    /// The charge day of a member paying by transfer (<see cref="MemberDues.AwaitTransfer"/>): nothing is charged, the
    /// period stays open and the member is overdue until the money arrives; false when nothing is to be asked for.
    /// </summary>
    public bool AwaitDuesTransfer(DateTimeOffset now) => dues.AwaitTransfer(now);

    /// <summary>
    /// A credit on the association's account that pays this member's dues: the first year of a member waiting for it,
    /// else the period <see cref="PayableDuesPeriod"/> names. The dues are paid with what they ask for; more than that
    /// is <see cref="DuesTransferResult.ExtraCents"/>, which the caller records as a donation; less is left for staff
    /// (<see cref="DuesTransferOutcome.TooLow"/>) unless staff assigned it (then it pays the period with what came).
    /// The credit's event id makes it count once.
    /// </summary>
    public DuesTransferResult ReceiveDuesTransfer(DuesTransferPayment payment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (ledger.HasProcessed(payment.EventId))
        {
            return new DuesTransferResult(DuesTransferOutcome.Duplicate);
        }

        var today = AssociationCalendar.Date(now);
        var paidOn = payment.PaidOn > today ? today : payment.PaidOn;
        var start = raised.Count;
        if (AwaitsFirstTransfer)
        {
            var owed = AnnualAmountCents;
            if (payment.AmountCents < owed && !payment.DecidedByStaff)
            {
                return new DuesTransferResult(DuesTransferOutcome.TooLow, owed);
            }

            var duesPart = Math.Min(payment.AmountCents, owed);
            var paidAt = new DateTimeOffset(paidOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            RecordFirstYearPayment(duesPart, null, PaymentStatus.Paid, paidAt < now ? paidAt : now);
            signUp.Reconcile(now, null);
            ledger.MarkProcessed(payment.EventId);
            return new DuesTransferResult(
                DuesTransferOutcome.Settled, owed, payment.AmountCents - duesPart, MemberSince, FirstPayment!.Id, RaisedSince(start));
        }

        if (PayableDuesPeriod(today) is not { } period)
        {
            return new DuesTransferResult(DuesTransferOutcome.NothingOwed);
        }

        var dueCents = DuesEntryFor(period.Start)?.AmountCents ?? AnnualAmountCents;
        if (payment.AmountCents < dueCents && !payment.DecidedByStaff)
        {
            return new DuesTransferResult(DuesTransferOutcome.TooLow, dueCents, PeriodStart: period.Start);
        }

        var part = Math.Min(payment.AmountCents, dueCents);
        var recorded = dues.RecordBankTransfer(new BankTransfer(part, paidOn, payment.Reference), now, acceptLess: payment.DecidedByStaff);
        if (recorded.Outcome != BankTransferOutcome.Recorded)
        {
            return new DuesTransferResult(DuesTransferOutcome.NothingOwed, dueCents, PeriodStart: period.Start);
        }

        ledger.MarkProcessed(payment.EventId);
        return new DuesTransferResult(
            DuesTransferOutcome.Settled, dueCents, payment.AmountCents - part, period.Start, recorded.PaymentId, RaisedSince(start));
    }
}
