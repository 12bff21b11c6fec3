using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// A Fördermitglied (supporting member: supports KOK with yearly dues, may attend member assemblies, has no vote) and
/// the only place where its status changes, always along <see cref="MembershipTransitions"/> and recorded in
/// <see cref="StatusHistory"/>.
/// <para>
/// Three lifecycles meet here, each in a type of its own that the member holds: the sign-up until the first year is
/// paid (<see cref="MemberSignUp"/>), the yearly dues after it (<see cref="MemberDues"/>), and the cancellation (here).
/// Provider events come late, twice and in any order. Payments therefore keep facts that only move one way (as
/// <see cref="Payment"/> does for donations), and after each event the status is brought in line with them. Whatever
/// the order, the same events end in the same status; only the history may list an intermediate step more or less.
/// </para>
/// <para>
/// Events are collected one way: every change that others react to is <see cref="Raise"/>d into
/// <see cref="RaisedEvents"/>; a command returns the slice it raised.
/// </para>
/// </summary>
public sealed partial class Member
{
    public const string IdPrefix = "mem";
    public const string PaymentIdPrefix = PaymentLedger.PaymentIdPrefix;
    public const string CancelledByMember = "member";

    private readonly PaymentLedger ledger;
    private readonly MemberSignUp signUp;
    private readonly MemberDues dues;
    private readonly MemberEnding ending;
    private readonly MemberReturns returns;
    private readonly List<MembershipStatusChange> history = [];
    private readonly List<MemberEvent> raised = [];

    private Member(string id, MemberProfile profile, DateTimeOffset createdAt)
    {
        Id = id;
        Profile = profile;
        CreatedAt = createdAt;
        ledger = new PaymentLedger(id);
        signUp = new MemberSignUp(this);
        dues = new MemberDues(this);
        ending = new MemberEnding(this);
        returns = new MemberReturns(this, dues);
    }

    public string Id { get; }

    /// <summary>Who the member is and what they give. Personal data: never log it.</summary>
    public MemberProfile Profile { get; private set; }

    public MemberKind Kind => Profile.Kind;

    public string Name => Profile.Name;

    public string? ContactPerson => Profile.ContactPerson;

    public string Email => Profile.Email;

    public PostalAddress Address => Profile.Address;

    public long AnnualAmountCents => Profile.AnnualAmountCents;

    /// <summary>A membership whose dues still run (active or overdue): its annual amount may change.</summary>
    public bool DuesRun => Status is MembershipStatus.Active or MembershipStatus.Overdue;

    /// <summary>
    /// The member's new annual amount, from the next dues on: dues already due keep the amount they were asked with
    /// (their entry holds it). False when it is the amount already.
    /// </summary>
    public bool ChangeAnnualAmount(long amountCents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        if (amountCents == AnnualAmountCents)
        {
            return false;
        }

        Profile = Profile.WithAnnualAmount(amountCents);
        return true;
    }

    public PaymentMethodKind PaymentMethod => Profile.PaymentMethod;

    public string Locale => Profile.Locale;

    public PrivacyConsent Consent => Profile.Consent;

    public DateTimeOffset CreatedAt { get; }

    public MembershipStatus Status { get; private set; }

    public IReadOnlyList<MembershipStatusChange> StatusHistory => history;

    public string? CheckoutSessionId { get; private set; }

    public Uri? CheckoutUrl { get; private set; }

    public DateTimeOffset? CheckoutCompletedAt => signUp.CheckoutCompletedAt;

    /// <summary>The provider's customer that holds the saved payment method.</summary>
    public string? CustomerId => signUp.CustomerId;

    /// <summary>The payment method saved at checkout for the following years' dues.</summary>
    public SavedPaymentMethod? SavedPaymentMethod { get; private set; }

    /// <summary>Dues payments the payer's bank took back (returned debits, disputes), oldest first.</summary>
    public IReadOnlyList<MemberReturn> Returns => returns.Returns;

    /// <summary>
    /// The saved SEPA mandate came back <see cref="MemberReturns.ReturnsThatStopOffSessionCharges"/> times: the dues run
    /// sends the pay link instead of charging it, until the member pays by link with a new method.
    /// </summary>
    public bool OffSessionChargesStopped => returns.StopsOffSessionCharges(SavedPaymentMethod);

    /// <summary>The day the first dues arrived.</summary>
    public DateOnly? MemberSince { get; private set; }

    /// <summary>The last day covered by the dues paid.</summary>
    public DateOnly? PaidThrough { get; private set; }

    /// <summary>When the next year's dues are due (the anniversary); null once cancelled.</summary>
    public DateOnly? NextDuesDate { get; private set; }

    public DateTimeOffset? CancelledAt => ending.CancelledAt;

    /// <summary>"member" (own link) or the staff id who cancelled.</summary>
    public string? CancelledBy => ending.CancelledBy;

    /// <summary>The first day the person is no longer a member, once cancelled.</summary>
    public DateOnly? EndsOn => ending.EndsOn;

    /// <summary>The day the daily run must end this membership: <see cref="EndsOn"/> while it is still running on.</summary>
    public DateOnly? ScheduledEndDate => Status == MembershipStatus.Cancelling ? EndsOn : null;

    /// <summary>The last day of membership once cancelled, the end date people are told (<see cref="MembershipEnd"/>).</summary>
    public DateOnly? MemberUntil => MembershipEnd.LastDay(EndsOn, MemberSince);

    /// <summary>The dues run's progress through the cycle due on <see cref="NextDuesDate"/>.</summary>
    public DuesCycle Dues => dues.Cycle;

    /// <summary>Dues asked for or paid after the first year, one per period, oldest first.</summary>
    public IReadOnlyList<DuesEntry> DuesEntries => dues.Entries;

    /// <summary>The day under which the dues index lists this member (see <see cref="RescheduleDues"/>).</summary>
    public DateOnly? DuesAgendaDate { get; private set; }

    /// <summary>What the dues run needs to decide about this member.</summary>
    public DuesMemberState DuesState =>
        new(Status, NextDuesDate, Dues.PreNotifiedOn, Dues.ChargeRequestedOn, Dues.LastFailedChargeOn, Dues.RemindersSent);

    /// <summary>The membership year due on <see cref="NextDuesDate"/>; null before activation or once cancelled.</summary>
    public DuesPeriod? CurrentDuesPeriod =>
        MemberSince is { } since && NextDuesDate is { } due ? DuesCalendar.PeriodFor(since, due) : null;

    /// <summary>Dues payments in the order the provider reported them.</summary>
    public IReadOnlyList<Payment> Payments => ledger.Payments;

    /// <summary>Ids of the provider events that changed this member; saved with it, so dedupe is atomic.</summary>
    public IReadOnlyCollection<string> ProcessedEventIds => ledger.ProcessedEventIds;

    /// <summary>The name mails greet: the person, or the contact person of an organisation or group.</summary>
    public string Salutation => ContactPerson ?? Name;

    /// <summary>
    /// Ids under which this member must be findable: the provider's payment intents and, for a member paying by bank
    /// transfer, the dues reference code (<see cref="DuesTransferCode"/>), which the statement import looks up.
    /// </summary>
    public IReadOnlyCollection<PaymentReference> References => DuesTransferCode is { } code
        ? [.. ledger.IntentReferences, new PaymentReference(PaymentReferenceKind.TransferCode, code.Characters)]
        : ledger.IntentReferences;

    /// <summary>
    /// Every event raised since this member was created or loaded, oldest first: what the use case hands on (mails,
    /// receipts) before it saves. Commands also return the events they raised themselves.
    /// </summary>
    public IReadOnlyList<MemberEvent> RaisedEvents => raised;

    public static bool IsWellFormedId(string? id) => RandomIdGenerator.IsWellFormed(id, IdPrefix);

    /// <summary>A new, pending membership; <paramref name="createdAt"/> is also the time of the privacy consent.</summary>
    public static Member Create(string id, MembershipRequest request, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsWellFormedId(id))
        {
            throw new ArgumentException("Not a member id.", nameof(id));
        }

        var member = new Member(id, MemberProfile.From(request, new PrivacyConsent(PrivacyNotice.CurrentVersion, createdAt, request.ListPublicly)), createdAt);
        member.Status = MembershipStatus.Pending;
        member.history.Add(new MembershipStatusChange(MembershipStatus.Pending, createdAt, "signed up"));
        return member;
    }

    public static Member FromSnapshot(MemberSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var member = new Member(snapshot.Id, MemberProfile.From(snapshot), snapshot.CreatedAt)
        {
            Status = snapshot.Status,
            CheckoutSessionId = snapshot.CheckoutSessionId,
            CheckoutUrl = snapshot.CheckoutUrl,
            SavedPaymentMethod = snapshot.SavedPaymentMethod,
            MemberSince = snapshot.MemberSince,
            PaidThrough = snapshot.PaidThrough,
            NextDuesDate = snapshot.NextDuesDate,
            DuesAgendaDate = snapshot.DuesAgendaDate,
        };
        member.signUp.Restore(snapshot.CheckoutCompletedAt, snapshot.CustomerId);
        member.dues.Restore(snapshot.Dues, snapshot.DuesEntries);
        member.ending.Restore(snapshot.CancelledAt, snapshot.CancelledBy, snapshot.EndsOn);
        member.history.AddRange(snapshot.StatusHistory);
        member.ledger.Restore(snapshot.Payments, snapshot.ProcessedEventIds);
        member.returns.Restore(snapshot.Returns);
        return member;
    }

    public MemberSnapshot ToSnapshot() => MemberSnapshot.Of(this, ledger);

    /// <summary>Links the member to its hosted checkout page; a sign-up has exactly one.</summary>
    public void AttachCheckout(CheckoutSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (CheckoutSessionId is not null && CheckoutSessionId != session.SessionId)
        {
            throw new InvalidOperationException("The member already has a different checkout session.");
        }

        CheckoutSessionId = session.SessionId;
        CheckoutUrl = session.Url;
    }

    /// <summary>The first year's dues payment, once the provider reported it.</summary>
    public Payment? FirstPayment => ledger.Find(ledger.PaymentIdFor(MemberSignUp.FirstYearSlot));

    /// <summary>Remembers the saved payment method; false when it was known already.</summary>
    public bool RecordPaymentMethod(SavedPaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (SavedPaymentMethod == method)
        {
            return false;
        }

        SavedPaymentMethod = method;
        signUp.LearnCustomer(method.CustomerId);
        return true;
    }

    /// <summary>
    /// Applies one provider event: the sign-up's checkout events, dues paid by link or charged off-session, refunds.
    /// A duplicate or an event that tells nothing new changes nothing; a refund of a payment not known yet waits.
    /// </summary>
    public MemberApplyResult Apply(PaymentEvent paymentEvent)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        if (ledger.HasProcessed(paymentEvent.EventId))
        {
            return MemberApplyResult.Duplicate;
        }

        var firstBefore = FirstPayment?.Status;
        var referencesBefore = References.ToHashSet();
        var raisedBefore = raised.Count;
        var outcome = paymentEvent switch
        {
            CheckoutCompleted e when PaymentMetadataKeys.PeriodOf(e) is { } period =>
                dues.OnCheckout(period, e.PaymentIntentId, e.AmountTotalCents, e.Paid ? DuesOutcome.Paid : DuesOutcome.Processing, e.Created),
            AsyncPaymentSucceeded e when PaymentMetadataKeys.PeriodOf(e) is { } period =>
                dues.OnCheckout(period, e.PaymentIntentId, e.AmountTotalCents, DuesOutcome.Paid, e.Created),
            AsyncPaymentFailed e when PaymentMetadataKeys.PeriodOf(e) is { } period =>
                dues.OnCheckout(period, e.PaymentIntentId, 0, DuesOutcome.Failed, e.Created),
            PaymentIntentSucceeded e => dues.OnPaymentIntent(e, e.PaymentIntentId, e.AmountCents, DuesOutcome.Paid, null),
            PaymentIntentFailed e => dues.OnPaymentIntent(e, e.PaymentIntentId, 0, DuesOutcome.Failed, e.FailureCode),
            CheckoutCompleted e => signUp.OnCheckoutCompleted(e),
            AsyncPaymentSucceeded e => signUp.OnAsyncPaymentSucceeded(e),
            AsyncPaymentFailed e => signUp.OnAsyncPaymentFailed(e),
            ChargeRefunded e => ledger.ApplyRefund(e),
            DisputeEvent e => ledger.ApplyDispute(e),
            ChargeFailed e => ledger.ApplyChargeFailed(e),
            _ => ApplyOutcome.NoChange,
        };

        switch (outcome)
        {
            case ApplyOutcome.NoChange:
                return MemberApplyResult.NoChange;
            case ApplyOutcome.NotYetApplicable:
                return MemberApplyResult.NotYetApplicable;
        }

        ledger.MarkProcessed(paymentEvent.EventId);
        signUp.Reconcile(paymentEvent.Created, firstBefore);
        returns.Reconcile(paymentEvent.Created);
        var newReferences = References.Where(r => !referencesBefore.Contains(r)).ToList();
        return new MemberApplyResult(ApplyOutcome.Changed, RaisedSince(raisedBefore), newReferences);
    }

    /// <summary>
    /// Cancels the membership (by the member's link or by staff): a paid membership runs to the end of its paid
    /// period without further dues; one with nothing paid for the current period ends at once. Cancelling again
    /// changes nothing.
    /// </summary>
    public MemberCancellation Cancel(DateTimeOffset now, string cancelledBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(cancelledBy);
        return ending.Cancel(now, cancelledBy);
    }

    /// <summary>Cancels and ends the membership today, paid period or not (see <see cref="MemberEnding.EndAtOnce"/>).</summary>
    public bool EndAtOnce(DateTimeOffset now, string cancelledBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(cancelledBy);
        return ending.EndAtOnce(now, cancelledBy);
    }

    /// <summary>
    /// The <see cref="EndsOn"/> a cancellation on <paramref name="today"/> would set when the membership runs on to the
    /// end of its paid period (the day after <see cref="PaidThrough"/>); null when it would end at once (nothing paid
    /// for the current period) or cannot be cancelled any more.
    /// </summary>
    public DateOnly? EndsOnIfCancelled(DateOnly today) => ending.EndsOnIfCancelled(today);

    /// <summary>
    /// Whether this membership stands in the way of <paramref name="request"/> (same name and email, compared without
    /// regard to case and spacing; see <see cref="MemberSignUp.Blocks"/>).
    /// </summary>
    public bool BlocksSignUp(MembershipRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return signUp.Blocks(request, now);
    }

    /// <summary>Ends a cancelled membership once its paid period is over; false when it is not due (or not cancelling).</summary>
    public bool EndIfDue(DateTimeOffset now) => ending.EndIfDue(now);

    /// <summary>Adds an event others react to (see <see cref="RaisedEvents"/>).</summary>
    internal void Raise(MemberEvent memberEvent) => raised.Add(memberEvent);

    /// <summary>The one way the status changes: along <see cref="MembershipTransitions"/>, kept in the history.</summary>
    internal void MoveTo(MembershipStatus to, DateTimeOffset at, string reason)
    {
        if (!MembershipTransitions.IsAllowed(Status, to))
        {
            throw new InvalidOperationException($"A membership cannot go from {Status} to {to}.");
        }

        Status = to;
        history.Add(new MembershipStatusChange(to, at, reason));
    }

    /// <summary>The first year is paid: a member since <paramref name="since"/>, the next dues on the anniversary.</summary>
    internal void Activate(DateOnly since, DateOnly paidThrough, DateOnly nextDuesDate, DateTimeOffset at)
    {
        MemberSince = since;
        PaidThrough = paidThrough;
        NextDuesDate = nextDuesDate;
        MoveTo(MembershipStatus.Active, at, "first year's dues paid");
    }

    /// <summary>A later period is paid through <paramref name="periodEnd"/>: the next dues move on unless cancelled.</summary>
    internal void PayThrough(DateOnly periodEnd, DateOnly nextDueDate)
    {
        PaidThrough = periodEnd;
        NextDuesDate = CancelledAt is null ? nextDueDate : null;
        dues.StartNextCycle();
    }

    internal bool RecordFirstYearPayment(long amountCents, string? paymentIntentId, PaymentStatus reported, DateTimeOffset at) =>
        ledger.Record(ledger.PaymentIdFor(MemberSignUp.FirstYearSlot), invoiceId: null, new PaymentReport(amountCents, paymentIntentId, reported, at)).Changed;

    internal Payment RecordDuesPayment(DuesEntry entry, long amountCents, DateTimeOffset paidAt) =>
        ledger.Record(entry.PaymentId, invoiceId: null, new PaymentReport(amountCents, entry.PaymentIntentId, PaymentStatus.Paid, paidAt)).Payment;

    /// <summary>A period taken back is unpaid again from <paramref name="period"/>'s start.</summary>
    internal void UnpayFrom(DuesPeriod period)
    {
        PaidThrough = period.Start.AddDays(-1);
        NextDuesDate = CancelledAt is null ? period.Start : null;
    }

    private List<MemberEvent> RaisedSince(int start) => raised.Skip(start).ToList();

    /// <summary>Cancelled: no dues are due any more.</summary>
    internal void StopDues() => NextDuesDate = null;
}
