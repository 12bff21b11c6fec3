using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;
using static Kok.Domain.Payments.ConvergentFacts;

namespace Kok.Domain.Membership;

/// <summary>
/// The sign-up of one <see cref="Member"/>: the hosted checkout and the first year's dues, until the membership is
/// active (or the first payment failed). Provider events come late, twice and in any order, so the first payment
/// keeps facts that only move one way, and after each event <see cref="Reconcile"/> brings the status in line with
/// them: paid first dues activate, a bounced first debit puts a processing membership back to pending.
/// </summary>
internal sealed class MemberSignUp(Member member)
{
    public const string FirstYearSlot = "first-year";
    private static readonly TimeSpan OpenCheckoutWindow = TimeSpan.FromHours(24);

    private DateTimeOffset? checkoutCompletedAt;
    private string? customerId;

    public DateTimeOffset? CheckoutCompletedAt => checkoutCompletedAt;

    public string? CustomerId => customerId;

    public void Restore(DateTimeOffset? completedAt, string? customer)
    {
        checkoutCompletedAt = completedAt;
        customerId = customer;
    }

    /// <summary>The provider's customer of a saved payment method, unless one is known already.</summary>
    public void LearnCustomer(string? customer) => Once(ref customerId, customer);

    public ApplyOutcome OnCheckoutCompleted(CheckoutCompleted e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return ApplyOutcome.NoChange;
        }

        var changed = Earliest(ref checkoutCompletedAt, e.Created);
        changed |= Once(ref customerId, e.CustomerId);
        changed |= RecordFirstYearPayment(e.AmountTotalCents, e.PaymentIntentId, e.Paid ? PaymentStatus.Paid : PaymentStatus.Processing, e.Created);
        return Outcome(changed);
    }

    public ApplyOutcome OnAsyncPaymentSucceeded(AsyncPaymentSucceeded e) =>
        IsOwnSession(e.SessionId)
            ? Outcome(RecordFirstYearPayment(e.AmountTotalCents, e.PaymentIntentId, PaymentStatus.Paid, e.Created))
            : ApplyOutcome.NoChange;

    public ApplyOutcome OnAsyncPaymentFailed(AsyncPaymentFailed e) =>
        IsOwnSession(e.SessionId)
            ? Outcome(RecordFirstYearPayment(member.AnnualAmountCents, e.PaymentIntentId, PaymentStatus.Failed, e.Created))
            : ApplyOutcome.NoChange;

    /// <summary>
    /// Brings the status of a not yet active membership in line with its first payment, raising
    /// <see cref="MemberActivated"/> or <see cref="FirstPaymentFailed"/> when it moved.
    /// </summary>
    public void Reconcile(DateTimeOffset at, PaymentStatus? firstBefore)
    {
        if (member.Status is not (MembershipStatus.Pending or MembershipStatus.Processing) || member.FirstPayment is not { } first)
        {
            return;
        }

        switch (first.Status)
        {
            case PaymentStatus.Paid or PaymentStatus.Refunded or PaymentStatus.Returned or PaymentStatus.Disputed when first.PaidAt is { } paidAt:
                var since = AssociationCalendar.Date(paidAt);
                member.Activate(since, DuesCalendar.PeriodFor(since, since).End, DuesCalendar.DueDateFor(since, since.Year + 1), at);
                member.Raise(new MemberActivated(member.Id, first.Id, first.AmountCents));
                break;
            case PaymentStatus.Processing when checkoutCompletedAt is not null && member.Status == MembershipStatus.Pending:
                member.MoveTo(MembershipStatus.Processing, at, "first payment processing");
                break;
            case PaymentStatus.Failed when member.Status == MembershipStatus.Processing:
                member.MoveTo(MembershipStatus.Pending, at, "first payment failed");
                break;
        }

        if (first.Status == PaymentStatus.Failed && firstBefore != PaymentStatus.Failed && member.Status == MembershipStatus.Pending)
        {
            member.Raise(new FirstPaymentFailed(member.Id, first.Id));
        }
    }

    /// <summary>
    /// Whether this sign-up stands in the way of <paramref name="request"/> (same name and email): a membership that is
    /// or is becoming active does; a pending one only while its checkout may still be paid (Stripe keeps a session
    /// open for 24 hours) and its payment has not failed, so someone whose first attempt failed or was abandoned can
    /// simply sign up again.
    /// </summary>
    public bool Blocks(MembershipRequest request, DateTimeOffset now)
    {
        if (SignUpKey.Of(member.Email, member.Name) != SignUpKey.Of(request.Email, request.Name))
        {
            return false;
        }

        return member.Status switch
        {
            MembershipStatus.Pending => now - member.CreatedAt < OpenCheckoutWindow && member.FirstPayment?.Status != PaymentStatus.Failed,
            MembershipStatus.Processing or MembershipStatus.Active or MembershipStatus.Overdue or MembershipStatus.Cancelling => true,
            _ => false,
        };
    }

    // A session id we never created is another checkout's event that carries our id by mistake: ignore it.
    private bool IsOwnSession(string sessionId) => member.CheckoutSessionId is null || member.CheckoutSessionId == sessionId;

    private bool RecordFirstYearPayment(long amountCents, string? paymentIntentId, PaymentStatus reported, DateTimeOffset at) =>
        member.RecordFirstYearPayment(amountCents, paymentIntentId, reported, at);

    private static ApplyOutcome Outcome(bool changed) => changed ? ApplyOutcome.Changed : ApplyOutcome.NoChange;
}
