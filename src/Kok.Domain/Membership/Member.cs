using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;
using static Kok.Domain.Payments.ConvergentFacts;

namespace Kok.Domain.Membership;

/// <summary>
/// A Fördermitglied (supporting member: supports KOK with yearly dues, may attend member assemblies, has no vote) and
/// the only place where its status changes, always along <see cref="MembershipTransitions"/> and recorded in
/// <see cref="StatusHistory"/>.
/// <para>
/// Provider events come late, twice and in any order. Payments therefore keep facts that only move one way (as
/// <see cref="Payment"/> does for donations), and after each event the status is brought in line with them: paid
/// first dues activate, a bounced first debit puts a processing membership back to pending. Whatever the order, the
/// same events end in the same status; only the history may list an intermediate step more or less.
/// </para>
/// </summary>
public sealed class Member
{
    public const string IdPrefix = "mem";
    public const string PaymentIdPrefix = PaymentLedger.PaymentIdPrefix;
    public const string CancelledByMember = "member";
    private const string FirstYearSlot = "first-year";
    private static readonly TimeSpan OpenCheckoutWindow = TimeSpan.FromHours(24);

    private readonly PaymentLedger ledger;
    private readonly List<DuesEntry> duesEntries = [];
    private readonly List<MembershipStatusChange> history = [];
    private DateTimeOffset? checkoutCompletedAt;
    private string? customerId;

    // Events raised by the dues steps of the call in progress; not state.
    private readonly List<MemberEvent> raised = [];

    private Member(
        string id,
        MemberKind kind,
        string name,
        string? contactPerson,
        string email,
        PostalAddress address,
        long annualAmountCents,
        PaymentMethodKind paymentMethod,
        string locale,
        PrivacyConsent consent,
        DateTimeOffset createdAt)
    {
        Id = id;
        ledger = new PaymentLedger(id);
        Kind = kind;
        Name = name;
        ContactPerson = contactPerson;
        Email = email;
        Address = address;
        AnnualAmountCents = annualAmountCents;
        PaymentMethod = paymentMethod;
        Locale = locale;
        Consent = consent;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public MemberKind Kind { get; }

    /// <summary>The person's, organisation's or group's name. Personal data: never log it.</summary>
    public string Name { get; }

    /// <summary>Who speaks for an organisation or group; null for a person.</summary>
    public string? ContactPerson { get; }

    public string Email { get; }

    public PostalAddress Address { get; }

    public long AnnualAmountCents { get; }

    /// <summary>The payment method chosen on the form.</summary>
    public PaymentMethodKind PaymentMethod { get; }

    public string Locale { get; }

    public PrivacyConsent Consent { get; }

    public DateTimeOffset CreatedAt { get; }

    public MembershipStatus Status { get; private set; }

    public IReadOnlyList<MembershipStatusChange> StatusHistory => history;

    public string? CheckoutSessionId { get; private set; }

    public Uri? CheckoutUrl { get; private set; }

    public DateTimeOffset? CheckoutCompletedAt => checkoutCompletedAt;

    /// <summary>The provider's customer that holds the saved payment method.</summary>
    public string? CustomerId => customerId;

    /// <summary>The payment method saved at checkout for the following years' dues.</summary>
    public SavedPaymentMethod? SavedPaymentMethod { get; private set; }

    /// <summary>The day the first dues arrived.</summary>
    public DateOnly? MemberSince { get; private set; }

    /// <summary>The last day covered by the dues paid.</summary>
    public DateOnly? PaidThrough { get; private set; }

    /// <summary>When the next year's dues are due (the anniversary); null once cancelled.</summary>
    public DateOnly? NextDuesDate { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>"member" (own link) or the staff id who cancelled.</summary>
    public string? CancelledBy { get; private set; }

    /// <summary>The first day the person is no longer a member, once cancelled.</summary>
    public DateOnly? EndsOn { get; private set; }

    /// <summary>The last day of membership once cancelled, the end date people are told (<see cref="MembershipEnd"/>).</summary>
    public DateOnly? MemberUntil => MembershipEnd.LastDay(EndsOn, MemberSince);

    /// <summary>The dues run's progress through the cycle due on <see cref="NextDuesDate"/>.</summary>
    public DuesCycle Dues { get; private set; } = DuesCycle.Fresh;

    /// <summary>Dues asked for or paid after the first year, one per period, oldest first.</summary>
    public IReadOnlyList<DuesEntry> DuesEntries => duesEntries.OrderBy(e => e.PeriodStart).ToList();

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

    /// <summary>Provider ids under which this member must be findable.</summary>
    public IReadOnlyCollection<PaymentReference> References => ledger.IntentReferences;

    public static bool IsWellFormedId(string? id) => RandomIdGenerator.IsWellFormed(id, IdPrefix);

    /// <summary>A new, pending membership; <paramref name="createdAt"/> is also the time of the privacy consent.</summary>
    public static Member Create(string id, MembershipRequest request, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsWellFormedId(id))
        {
            throw new ArgumentException("Not a member id.", nameof(id));
        }

        var member = new Member(
            id,
            request.Kind,
            request.Name,
            request.Kind == MemberKind.Person ? null : request.ContactPerson,
            request.Email,
            request.Address,
            request.AnnualAmountCents,
            request.PaymentMethod,
            request.Locale,
            new PrivacyConsent(PrivacyNotice.CurrentVersion, createdAt, request.ListPublicly),
            createdAt);
        member.Status = MembershipStatus.Pending;
        member.history.Add(new MembershipStatusChange(MembershipStatus.Pending, createdAt, "signed up"));
        return member;
    }

    public static Member FromSnapshot(MemberSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var member = new Member(
            snapshot.Id,
            snapshot.Kind,
            snapshot.Name,
            snapshot.ContactPerson,
            snapshot.Email,
            snapshot.Address,
            snapshot.AnnualAmountCents,
            snapshot.PaymentMethod,
            snapshot.Locale,
            snapshot.Consent,
            snapshot.CreatedAt)
        {
            Status = snapshot.Status,
            CheckoutSessionId = snapshot.CheckoutSessionId,
            CheckoutUrl = snapshot.CheckoutUrl,
            checkoutCompletedAt = snapshot.CheckoutCompletedAt,
            customerId = snapshot.CustomerId,
            SavedPaymentMethod = snapshot.SavedPaymentMethod,
            MemberSince = snapshot.MemberSince,
            PaidThrough = snapshot.PaidThrough,
            NextDuesDate = snapshot.NextDuesDate,
            CancelledAt = snapshot.CancelledAt,
            CancelledBy = snapshot.CancelledBy,
            EndsOn = snapshot.EndsOn,
            Dues = snapshot.Dues ?? DuesCycle.Fresh,
            DuesAgendaDate = snapshot.DuesAgendaDate,
        };
        member.duesEntries.AddRange(snapshot.DuesEntries ?? []);
        member.history.AddRange(snapshot.StatusHistory);
        member.ledger.Restore(snapshot.Payments, snapshot.ProcessedEventIds);
        return member;
    }

    public MemberSnapshot ToSnapshot() => new(
        Id,
        Kind,
        Name,
        ContactPerson,
        Email,
        Address,
        AnnualAmountCents,
        PaymentMethod,
        Locale,
        Consent,
        CreatedAt,
        Status,
        history.ToList(),
        CheckoutSessionId,
        CheckoutUrl,
        CheckoutCompletedAt,
        CustomerId,
        SavedPaymentMethod,
        MemberSince,
        PaidThrough,
        NextDuesDate,
        CancelledAt,
        CancelledBy,
        EndsOn,
        ledger.PaymentSnapshots(),
        ledger.ProcessedEventIdSnapshot(),
        Dues,
        DuesEntries,
        DuesAgendaDate);

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
    public Payment? FirstPayment => ledger.Find(FirstPaymentId);

    private string FirstPaymentId => ledger.PaymentIdFor(FirstYearSlot);

    /// <summary>Remembers the saved payment method; false when it was known already.</summary>
    public bool RecordPaymentMethod(SavedPaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (SavedPaymentMethod == method)
        {
            return false;
        }

        SavedPaymentMethod = method;
        customerId ??= method.CustomerId;
        return true;
    }

    public MemberApplyResult Apply(PaymentEvent paymentEvent)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        if (ledger.HasProcessed(paymentEvent.EventId))
        {
            return MemberApplyResult.Duplicate;
        }

        var firstBefore = FirstPayment?.Status;
        var referencesBefore = References.ToHashSet();
        var statusBefore = Status;

        raised.Clear();
        var effect = paymentEvent switch
        {
            CheckoutCompleted e when PaymentMetadataKeys.PeriodOf(e) is { } period =>
                OnDuesCheckout(period, e.PaymentIntentId, e.AmountTotalCents, e.Paid ? DuesOutcome.Paid : DuesOutcome.Processing, e.Created),
            AsyncPaymentSucceeded e when PaymentMetadataKeys.PeriodOf(e) is { } period =>
                OnDuesCheckout(period, e.PaymentIntentId, e.AmountTotalCents, DuesOutcome.Paid, e.Created),
            AsyncPaymentFailed e when PaymentMetadataKeys.PeriodOf(e) is { } period =>
                OnDuesCheckout(period, e.PaymentIntentId, 0, DuesOutcome.Failed, e.Created),
            PaymentIntentSucceeded e => OnPaymentIntent(e, e.PaymentIntentId, e.AmountCents, DuesOutcome.Paid, null),
            PaymentIntentFailed e => OnPaymentIntent(e, e.PaymentIntentId, 0, DuesOutcome.Failed, e.FailureCode),
            CheckoutCompleted e => OnCheckoutCompleted(e),
            AsyncPaymentSucceeded e => OnAsyncPaymentSucceeded(e),
            AsyncPaymentFailed e => OnAsyncPaymentFailed(e),
            ChargeRefunded e => ledger.ApplyRefund(e),
            _ => PaymentEffect.Unchanged,
        };

        switch (effect)
        {
            case PaymentEffect.Unchanged:
                return MemberApplyResult.NoChange;
            case PaymentEffect.NotYetApplicable:
                return MemberApplyResult.NotYetApplicable;
        }

        ledger.MarkProcessed(paymentEvent.EventId);
        var events = new List<MemberEvent>(raised);
        Reconcile(paymentEvent.Created);
        if (FirstPayment is { } first)
        {
            if (Status == MembershipStatus.Active && statusBefore is MembershipStatus.Pending or MembershipStatus.Processing)
            {
                events.Add(new MemberActivated(Id, first.Id, first.AmountCents));
            }

            if (first.Status == PaymentStatus.Failed && firstBefore != PaymentStatus.Failed && Status == MembershipStatus.Pending)
            {
                events.Add(new FirstPaymentFailed(Id, first.Id));
            }
        }

        var newReferences = References.Where(r => !referencesBefore.Contains(r)).ToList();
        return new MemberApplyResult(ApplyOutcome.Changed, events, newReferences);
    }

    /// <summary>
    /// Cancels the membership (by the member's link or by staff): a paid membership runs to the end of its paid
    /// period without further dues; one with nothing paid for the current period ends at once. Cancelling again
    /// changes nothing.
    /// </summary>
    public MemberCancellation Cancel(DateTimeOffset now, string cancelledBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(cancelledBy);
        switch (Status)
        {
            case MembershipStatus.Ended:
                return CancelledAt is null ? MemberCancellation.AlreadyEnded : MemberCancellation.AlreadyCancelled;
            case MembershipStatus.Cancelling:
                return MemberCancellation.AlreadyCancelled;
        }

        CancelledAt = now;
        CancelledBy = cancelledBy;
        NextDuesDate = null;
        var today = AssociationCalendar.Date(now);
        if (EndsOnIfCancelled(today) is { } endsOn)
        {
            EndsOn = endsOn;
            Move(MembershipStatus.Cancelling, now, $"cancelled by {CancelledByText(cancelledBy)}; ends on {EndsOn:yyyy-MM-dd}");
            return MemberCancellation.WillEnd;
        }

        EndsOn = today;
        if (Status is MembershipStatus.Active or MembershipStatus.Overdue)
        {
            Move(MembershipStatus.Cancelling, now, $"cancelled by {CancelledByText(cancelledBy)}");
        }

        Move(MembershipStatus.Ended, now, $"cancelled by {CancelledByText(cancelledBy)} with nothing paid for the current period");
        return MemberCancellation.EndedNow;
    }

    /// <summary>
    /// The <see cref="EndsOn"/> a cancellation on <paramref name="today"/> would set when the membership runs on to the
    /// end of its paid period (the day after <see cref="PaidThrough"/>); null when it would end at once (nothing paid
    /// for the current period) or cannot be cancelled any more.
    /// </summary>
    public DateOnly? EndsOnIfCancelled(DateOnly today) =>
        Status is MembershipStatus.Active or MembershipStatus.Overdue && PaidThrough is { } paidThrough && paidThrough.AddDays(1) > today
            ? paidThrough.AddDays(1)
            : null;

    /// <summary>
    /// Whether this membership stands in the way of <paramref name="request"/> (same name and email, compared without
    /// regard to case and spacing): a membership that is or is becoming active does; a pending one only while its
    /// checkout may still be paid (Stripe keeps a session open for 24 hours) and its payment has not failed, so
    /// someone whose first attempt failed or was abandoned can simply sign up again.
    /// </summary>
    public bool BlocksSignUp(MembershipRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SignUpKey.Of(Email, Name) != SignUpKey.Of(request.Email, request.Name))
        {
            return false;
        }

        return Status switch
        {
            MembershipStatus.Pending => now - CreatedAt < OpenCheckoutWindow && FirstPayment?.Status != PaymentStatus.Failed,
            MembershipStatus.Processing or MembershipStatus.Active or MembershipStatus.Overdue or MembershipStatus.Cancelling => true,
            _ => false,
        };
    }

    /// <summary>Ends a cancelled membership once its paid period is over; false when it is not due (or not cancelling).</summary>
    public bool EndIfDue(DateTimeOffset now)
    {
        if (Status != MembershipStatus.Cancelling || EndsOn is not { } endsOn || AssociationCalendar.Date(now) < endsOn)
        {
            return false;
        }

        Move(MembershipStatus.Ended, now, "paid period over after cancellation");
        return true;
    }

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
    public DuesEntry? DuesEntryFor(DateOnly periodStart) => duesEntries.Find(e => e.PeriodStart == periodStart);

    /// <summary>The payment id of one period's dues: derived, so every path to paying it names the same payment.</summary>
    public string DuesPaymentId(DateOnly periodStart) =>
        ledger.PaymentIdFor("dues-" + PaymentMetadataKeys.Period(periodStart));

    /// <summary>The SEPA pre-notification for the current cycle went out on <paramref name="today"/>; false if it had.</summary>
    public bool RecordPreNotification(DateOnly today)
    {
        if (Status != MembershipStatus.Active || NextDuesDate is null || Dues.PreNotifiedOn is not null)
        {
            return false;
        }

        Dues = Dues with { PreNotifiedOn = today };
        return true;
    }

    /// <summary>The day the pre-notified dues are collected; null before the pre-notification.</summary>
    public DateOnly? AnnouncedChargeDate(DuesPolicy policy) =>
        NextDuesDate is { } due && Dues.PreNotifiedOn is { } notifiedOn ? DuesCalendar.ChargeDate(due, notifiedOn, policy) : null;

    /// <summary>
    /// The run asks for the current period's dues on <paramref name="today"/>: a pending dues entry; null when the
    /// charge was asked for already (or the member is not one to charge).
    /// </summary>
    public DuesEntry? RequestDuesCharge(DateOnly today)
    {
        if (Status != MembershipStatus.Active || Dues.PreNotifiedOn is null || Dues.ChargeRequestedOn is not null
            || CurrentDuesPeriod is not { } period || DuesEntryFor(period.Start) is not null)
        {
            return null;
        }

        var entry = new DuesEntry(period.Start, period.End, AnnualAmountCents, DuesPaymentId(period.Start), DuesEntryStatus.Pending, today);
        duesEntries.Add(entry);
        Dues = Dues with { ChargeRequestedOn = today };
        return entry;
    }

    /// <summary>
    /// Records the provider's answer to the off-session charge for <paramref name="periodStart"/>. Idempotent: an
    /// answer for an entry already settled, or the same answer again, changes nothing.
    /// </summary>
    public IReadOnlyList<MemberEvent> RecordDuesCharge(DateOnly periodStart, DuesChargeResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        raised.Clear();
        if (DuesEntryFor(periodStart) is null)
        {
            return [];
        }

        var outcome = result.Status switch
        {
            DuesChargeStatus.Succeeded => DuesOutcome.Paid,
            DuesChargeStatus.Processing => DuesOutcome.Processing,
            _ => DuesOutcome.Failed,
        };
        SettleDues(periodStart, result.PaymentIntentId, AnnualAmountCents, outcome, result.FailureCode ?? result.Status.ToString(), now);
        return [.. raised];
    }

    /// <summary>Reminder <paramref name="number"/> for the overdue dues went out; false if it (or a later one) had.</summary>
    public bool RecordReminder(int number)
    {
        if (Status != MembershipStatus.Overdue || number <= Dues.RemindersSent)
        {
            return false;
        }

        Dues = Dues with { RemindersSent = number };
        return true;
    }

    /// <summary>
    /// Dues stayed unpaid past the grace period: the member is lapsed (kept, flagged for staff, never deleted) and
    /// becomes active again by paying. False when not overdue.
    /// </summary>
    public bool Lapse(DateTimeOffset now)
    {
        if (Status != MembershipStatus.Overdue)
        {
            return false;
        }

        Dues = Dues with { LapsedOn = AssociationCalendar.Date(now) };
        Move(MembershipStatus.Lapsed, now, "dues unpaid after the grace period");
        return true;
    }

    /// <summary>
    /// The period a payment by link pays for today: the overdue period, or for a lapsed member the membership year
    /// that contains today (<see cref="DuesCalendar.ReactivationPeriod"/>); null when nothing is to be paid.
    /// </summary>
    public DuesPeriod? PayableDuesPeriod(DateOnly today) => Status switch
    {
        MembershipStatus.Overdue => CurrentDuesPeriod,
        MembershipStatus.Lapsed when MemberSince is { } since && CancelledAt is null => DuesCalendar.ReactivationPeriod(since, today),
        _ => null,
    };

    /// <summary>
    /// Staff record dues that arrived as a bank transfer: they pay <see cref="PayableDuesPeriod"/> (the overdue
    /// period, or for a lapsed member the year that contains today) through the same settling path as every other
    /// dues payment, under the period's derived <see cref="DuesPaymentId"/>. The member becomes active, the next
    /// dues date moves on, and <see cref="DuesPaid"/> is raised, which asks for the thanks with the
    /// Zuwendungsbestätigung (receipt). The payment's date is the day the transfer arrived. Submitting the same
    /// transfer again finds nothing payable and answers <see cref="BankTransferOutcome.AlreadyPaid"/>.
    /// </summary>
    public BankTransferResult RecordBankTransfer(BankTransfer transfer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        var today = AssociationCalendar.Date(now);
        if (transfer.PaidOn > today)
        {
            throw new ArgumentException("A bank transfer cannot arrive in the future.", nameof(transfer));
        }

        raised.Clear();
        if (PayableDuesPeriod(today) is not { } period)
        {
            return new BankTransferResult(
                Status is MembershipStatus.Active or MembershipStatus.Cancelling && duesEntries.Count > 0
                    && DuesEntries[^1].Status == DuesEntryStatus.Paid
                    ? BankTransferOutcome.AlreadyPaid
                    : BankTransferOutcome.NothingPayable);
        }

        var entry = DuesEntryFor(period.Start);
        var dues = entry?.AmountCents ?? AnnualAmountCents;
        switch (entry?.Status)
        {
            case DuesEntryStatus.Paid:
                return new BankTransferResult(BankTransferOutcome.AlreadyPaid, period, entry.PaymentId, dues);
            case DuesEntryStatus.Pending or DuesEntryStatus.Processing:
                return new BankTransferResult(BankTransferOutcome.PaymentInProgress, period, DuesPaymentId(period.Start), dues);
        }

        if (transfer.AmountCents < dues)
        {
            return new BankTransferResult(BankTransferOutcome.AmountTooLow, period, DuesPaymentId(period.Start), dues);
        }

        // Noon UTC is the same calendar day in Berlin; a transfer booked today is not dated after now.
        var noon = new DateTimeOffset(transfer.PaidOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var paidAt = noon < now ? noon : now;
        if (!SettleDues(period.Start, null, transfer.AmountCents, DuesOutcome.Paid, null, now, new TransferFacts(transfer.Reference, paidAt)))
        {
            return new BankTransferResult(BankTransferOutcome.AlreadyPaid, period, DuesPaymentId(period.Start), dues);
        }

        return new BankTransferResult(BankTransferOutcome.Recorded, period, DuesPaymentId(period.Start), dues, [.. raised]);
    }

    private PaymentEffect OnPaymentIntent(PaymentEvent e, string paymentIntentId, long amountCents, DuesOutcome outcome, string? failureCode)
    {
        var entry = duesEntries.Find(d => d.PaymentIntentId == paymentIntentId)
            ?? (PaymentMetadataKeys.PeriodOf(e) is { } period ? DuesEntryFor(period) : null);

        // Payment intents of checkouts (first year, dues by link) are settled by the checkout events.
        if (entry is null || entry.PaymentIntentId is { } known && known != paymentIntentId)
        {
            return PaymentEffect.Unchanged;
        }

        return ToEffect(SettleDues(entry.PeriodStart, paymentIntentId, amountCents, outcome, failureCode, e.Created));
    }

    private PaymentEffect OnDuesCheckout(DateOnly periodStart, string? paymentIntentId, long amountCents, DuesOutcome outcome, DateTimeOffset at) =>
        ToEffect(SettleDues(periodStart, paymentIntentId, amountCents, outcome, outcome == DuesOutcome.Failed ? "checkout_payment_failed" : null, at));

    /// <summary>
    /// The one place dues outcomes land, whichever way they came (charge answer, webhook, checkout by link). A paid
    /// period is final; a later attempt (a link payment after a failed charge) may replace a failed one.
    /// </summary>
    private bool SettleDues(
        DateOnly periodStart,
        string? paymentIntentId,
        long amountCents,
        DuesOutcome outcome,
        string? failureCode,
        DateTimeOffset at,
        TransferFacts? transfer = null)
    {
        if (MemberSince is not { } since)
        {
            return false;
        }

        var entry = DuesEntryFor(periodStart);
        if (entry is { Status: DuesEntryStatus.Paid })
        {
            return false;
        }

        var today = AssociationCalendar.Date(at);
        var samePayment = entry?.PaymentIntentId is null || entry.PaymentIntentId == paymentIntentId;
        if (entry is null)
        {
            var period = DuesCalendar.PeriodFor(since, periodStart);
            entry = new DuesEntry(period.Start, period.End, AnnualAmountCents, DuesPaymentId(period.Start), DuesEntryStatus.Pending, today);
            duesEntries.Add(entry);
        }
        else if (!samePayment && entry.Status != DuesEntryStatus.Failed && transfer is null)
        {
            // A second payment intent while the first is still open: only the first one counts.
            return false;
        }

        var updated = outcome switch
        {
            // A transfer replaces a failed provider attempt: its payment intent must not stay on the paid entry.
            DuesOutcome.Paid when transfer is not null => entry with
            {
                Status = DuesEntryStatus.Paid,
                PaymentIntentId = null,
                FailureCode = null,
                SettledAt = at,
                PaidWith = PaymentMethodKind.BankTransfer,
                TransferReference = transfer.Reference,
            },
            DuesOutcome.Paid => entry with { Status = DuesEntryStatus.Paid, PaymentIntentId = paymentIntentId ?? entry.PaymentIntentId, FailureCode = null, SettledAt = at },
            DuesOutcome.Processing => entry with { Status = DuesEntryStatus.Processing, PaymentIntentId = paymentIntentId ?? entry.PaymentIntentId },
            _ => entry with { Status = DuesEntryStatus.Failed, PaymentIntentId = paymentIntentId ?? entry.PaymentIntentId, FailureCode = failureCode, SettledAt = at },
        };
        if (updated == entry || entry.Status == DuesEntryStatus.Failed && outcome == DuesOutcome.Failed)
        {
            return false;
        }

        duesEntries[duesEntries.IndexOf(entry)] = updated;
        switch (outcome)
        {
            case DuesOutcome.Paid:
                OnDuesPaid(updated, amountCents > 0 ? amountCents : updated.AmountCents, at, transfer?.PaidAt ?? at);
                break;
            case DuesOutcome.Failed:
                OnDuesFailed(updated, today, at);
                break;
        }

        return true;
    }

    private void OnDuesPaid(DuesEntry entry, long amountCents, DateTimeOffset at, DateTimeOffset paidAt)
    {
        var (payment, _) = ledger.Record(entry.PaymentId, invoiceId: null, amountCents, entry.PaymentIntentId, PaymentStatus.Paid, paidAt);
        if (PaidThrough is not { } paidThrough || entry.PeriodEnd > paidThrough)
        {
            PaidThrough = entry.PeriodEnd;
            NextDuesDate = CancelledAt is null ? entry.Period.NextDueDate : null;
            Dues = DuesCycle.Fresh;
        }

        if (Status is MembershipStatus.Overdue or MembershipStatus.Lapsed)
        {
            Move(MembershipStatus.Active, at, Status == MembershipStatus.Lapsed ? "dues paid after lapse" : "overdue dues paid");
        }

        raised.Add(new DuesPaid(Id, payment.Id, entry.PeriodStart, payment.AmountCents));
    }

    private void OnDuesFailed(DuesEntry entry, DateOnly today, DateTimeOffset at)
    {
        if (CurrentDuesPeriod?.Start != entry.PeriodStart)
        {
            return;
        }

        Dues = Dues with { LastFailedChargeOn = today };
        if (Status == MembershipStatus.Active)
        {
            Move(MembershipStatus.Overdue, at, "dues could not be collected");
            raised.Add(new DuesChargeFailed(Id, entry.PeriodStart));
        }
    }

    /// <summary>What a bank transfer adds to a paid dues entry: its reference and the day the money arrived.</summary>
    private sealed record TransferFacts(string Reference, DateTimeOffset PaidAt);

    private enum DuesOutcome
    {
        Paid,
        Processing,
        Failed,
    }

    private static string CancelledByText(string cancelledBy) =>
        cancelledBy == CancelledByMember ? "the member" : "staff";

    private void Move(MembershipStatus to, DateTimeOffset at, string reason)
    {
        if (!MembershipTransitions.IsAllowed(Status, to))
        {
            throw new InvalidOperationException($"A membership cannot go from {Status} to {to}.");
        }

        Status = to;
        history.Add(new MembershipStatusChange(to, at, reason));
    }

    /// <summary>Brings the status of a not yet active membership in line with its first payment.</summary>
    private void Reconcile(DateTimeOffset at)
    {
        if (Status is not (MembershipStatus.Pending or MembershipStatus.Processing) || FirstPayment is not { } first)
        {
            return;
        }

        switch (first.Status)
        {
            case PaymentStatus.Paid or PaymentStatus.Refunded when first.PaidAt is { } paidAt:
                var since = AssociationCalendar.Date(paidAt);
                MemberSince = since;
                PaidThrough = DuesCalendar.PeriodFor(since, since).End;
                NextDuesDate = DuesCalendar.DueDateFor(since, since.Year + 1);
                Move(MembershipStatus.Active, at, "first year's dues paid");
                break;
            case PaymentStatus.Processing when CheckoutCompletedAt is not null && Status == MembershipStatus.Pending:
                Move(MembershipStatus.Processing, at, "first payment processing");
                break;
            case PaymentStatus.Failed when Status == MembershipStatus.Processing:
                Move(MembershipStatus.Pending, at, "first payment failed");
                break;
        }
    }

    // A session id we never created is another checkout's event that carries our id by mistake: ignore it.
    private bool IsOwnSession(string sessionId) => CheckoutSessionId is null || CheckoutSessionId == sessionId;

    private PaymentEffect OnCheckoutCompleted(CheckoutCompleted e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return PaymentEffect.Unchanged;
        }

        var changed = Earliest(ref checkoutCompletedAt, e.Created);
        changed |= Once(ref customerId, e.CustomerId);
        changed |= RecordFirstYearPayment(e.AmountTotalCents, e.PaymentIntentId, e.Paid ? PaymentStatus.Paid : PaymentStatus.Processing, e.Created);
        return ToEffect(changed);
    }

    private PaymentEffect OnAsyncPaymentSucceeded(AsyncPaymentSucceeded e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return PaymentEffect.Unchanged;
        }

        return ToEffect(RecordFirstYearPayment(e.AmountTotalCents, e.PaymentIntentId, PaymentStatus.Paid, e.Created));
    }

    private PaymentEffect OnAsyncPaymentFailed(AsyncPaymentFailed e)
    {
        if (!IsOwnSession(e.SessionId))
        {
            return PaymentEffect.Unchanged;
        }

        return ToEffect(RecordFirstYearPayment(AnnualAmountCents, e.PaymentIntentId, PaymentStatus.Failed, e.Created));
    }

    private bool RecordFirstYearPayment(long amountCents, string? paymentIntentId, PaymentStatus reported, DateTimeOffset at) =>
        ledger.Record(FirstPaymentId, invoiceId: null, amountCents, paymentIntentId, reported, at).Changed;
}
