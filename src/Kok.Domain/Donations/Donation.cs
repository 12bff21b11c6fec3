using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Payments;
using static Kok.Domain.Payments.ConvergentFacts;

namespace Kok.Domain.Donations;

/// <summary>
/// A donation and its payments; the only place where payment events change state.
/// <para>
/// Convergence: the provider delivers events late, twice and in any order. The donation therefore keeps facts, not
/// a state machine position: each fact only moves one way (a time is set to its earliest value, an id is set once,
/// an amount only grows), and <see cref="Status"/> is computed from the facts by fixed precedence. Merging the same
/// events in any order thus ends in the same state. A refund of a payment the donation does not know yet is the one
/// event that cannot be merged early; it is answered with <see cref="ApplyOutcome.NotYetApplicable"/> so the
/// provider retries it later.
/// </para>
/// </summary>
public sealed partial class Donation
{
    public const string IdPrefix = "don";
    public const string PaymentIdPrefix = PaymentLedger.PaymentIdPrefix;
    private const string CheckoutPaymentSlot = "checkout";
    private const string TransferPaymentSlot = "transfer";

    private readonly PaymentLedger ledger;
    private DateTimeOffset? checkoutCompletedAt;
    private DateTimeOffset? checkoutFailedAt;
    private DateTimeOffset? endedAt;
    private DateTimeOffset? termsChangedAt;
    private string? subscriptionId;
    private string? customerId;
    private string? setUpPaymentMethodId;

    private Donation(
        string id,
        ContactDetails donor,
        long amountCents,
        DonationInterval interval,
        PaymentMethodKind paymentMethod,
        string locale,
        bool wantsReceipt,
        DateTimeOffset createdAt)
    {
        Id = id;
        ledger = new PaymentLedger(id);
        Donor = donor;
        AmountCents = amountCents;
        Interval = interval;
        PaymentMethod = paymentMethod;
        Locale = locale;
        WantsReceipt = wantsReceipt;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    /// <summary>Personal data: never log it.</summary>
    public ContactDetails Donor { get; private set; }

    /// <summary>
    /// The amount asked for; per payment for a monthly donation, where it follows the subscription's price once the
    /// provider confirms a change (<see cref="SubscriptionUpdated"/>).
    /// </summary>
    public long AmountCents { get; private set; }

    /// <summary>A monthly donation's collection is paused until then (payments due before are skipped); else null.</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    /// <summary>A monthly donation ends then (the end of its current period), as the supporter asked; else null.</summary>
    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>A monthly donation whose payments run: its subscription is known, it has not ended nor is to end.</summary>
    public bool IsRunningMonthly => Interval == DonationInterval.Monthly && subscriptionId is not null && endedAt is null && EndsAt is null;

    public DonationInterval Interval { get; }

    /// <summary>How the donor pays: chosen on the form; a monthly donation's follows a method set up later (<see cref="TakeOverPaymentMethod"/>).</summary>
    public PaymentMethodKind PaymentMethod { get; private set; }

    /// <summary>
    /// The provider now charges this monthly donation's payments on <paramref name="method"/>, which the donor set up
    /// later (a new card, or SEPA instead of card). Only a running monthly donation takes it, and only a method of its
    /// own customer; false when it is the method taken over already (the provider confirms more than once).
    /// </summary>
    public bool TakeOverPaymentMethod(SavedPaymentMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!PaymentMethodReplaceable || method.Kind == PaymentMethodKind.BankTransfer
            || method.CustomerId != customerId || method.PaymentMethodId == setUpPaymentMethodId)
        {
            return false;
        }

        setUpPaymentMethodId = method.PaymentMethodId;
        PaymentMethod = method.Kind;
        return true;
    }

    /// <summary>
    /// The donor's new postal address, and for a running monthly donation whether it still wants a receipt
    /// (<paramref name="wantsReceipt"/>; null keeps the choice): receipts issued from now on carry it; receipts already
    /// issued are archived and stay as they are. A donation without a receipt keeps no address (data minimisation),
    /// so the address goes only where a receipt is wanted. False when nothing changes.
    /// </summary>
    public bool ChangeReceiptDetails(PostalAddress address, bool? wantsReceipt)
    {
        ArgumentNullException.ThrowIfNull(address);
        var wants = wantsReceipt is { } choice && IsRunningMonthly ? choice : WantsReceipt;
        var donor = Donor with { Address = wants ? address : null };
        if (donor == Donor && wants == WantsReceipt)
        {
            return false;
        }

        Donor = donor;
        WantsReceipt = wants;
        return true;
    }

    /// <summary>
    /// A one-time donation staff made from a bank statement line ("new donation from this payer": the statement's name,
    /// no e-mail, no address, so no receipt) that is paid and still waits for the address its Zuwendungsbestätigung
    /// needs.
    /// </summary>
    public bool AwaitsReceiptAddress =>
        Interval == DonationInterval.Once && PaymentMethod == PaymentMethodKind.BankTransfer && Status == DonationStatus.Paid
        && !WantsReceipt && Donor.Address is null && Donor.Email == DecideBankEntry.NoEmail(Id);

    /// <summary>
    /// Staff give such a donation (<see cref="AwaitsReceiptAddress"/>) the donor's address and, when known, a real
    /// e-mail address: from now on it wants its receipt and carries what the receipt needs. Once only: false when the
    /// donation does not wait for an address (given before, not paid, not made from a statement line).
    /// </summary>
    public bool AddReceiptAddress(PostalAddress address, string? email)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!AwaitsReceiptAddress)
        {
            return false;
        }

        Donor = Donor with { Address = address, Email = email ?? Donor.Email };
        WantsReceipt = true;
        return true;
    }

    /// <summary>A running monthly donation paid through the provider's customer: the donor may set up another method for it.</summary>
    public bool PaymentMethodReplaceable => IsRunningMonthly && PaymentMethod != PaymentMethodKind.BankTransfer && customerId is not null;

    /// <summary>Whether <paramref name="paymentMethodId"/> is the method the donor set up last.</summary>
    public bool UsesSetUpPaymentMethod(string paymentMethodId) => setUpPaymentMethodId == paymentMethodId;

    public string Locale { get; }

    /// <summary>Whether the donor asked for a Zuwendungsbestätigung (German tax receipt for a donation).</summary>
    public bool WantsReceipt { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public string? CheckoutSessionId { get; private set; }

    /// <summary>
    /// The code a donor paying by bank transfer writes into the transfer's reference; derived from the (random) id,
    /// so it is unguessable and a retried request names the same code. Null for other payment methods.
    /// </summary>
    public ReferenceCode? TransferCode => PaymentMethod == PaymentMethodKind.BankTransfer ? ReferenceCode.Derive(Id, TransferPaymentSlot) : null;

    /// <summary>The id the payment of a bank transfer gets once it arrives (and its instructions mail is keyed by).</summary>
    public string TransferPaymentId => ledger.PaymentIdFor(TransferPaymentSlot);

    /// <summary>A bank-transfer donation whose money has not arrived yet (staff may assign a statement entry to it).</summary>
    public bool IsAwaitingTransfer => PaymentMethod == PaymentMethodKind.BankTransfer && ledger.Payments.All(p => p.Id != TransferPaymentId);

    /// <summary>
    /// The day (Berlin) a transfer donation still pending was made, under which the transfer-reminder agenda lists it
    /// (<see cref="TransferReminders"/>); null once its money came or it is no transfer donation.
    /// </summary>
    public DateOnly? AwaitingTransferSince => IsAwaitingTransfer && Status == DonationStatus.Pending ? AssociationCalendar.Date(CreatedAt) : null;

    public Uri? CheckoutUrl { get; private set; }

    public string? SubscriptionId => subscriptionId;

    public string? CustomerId => customerId;

    public DateTimeOffset? CheckoutCompletedAt => checkoutCompletedAt;

    /// <summary>When the first payment of a monthly donation failed at checkout.</summary>
    public DateTimeOffset? CheckoutFailedAt => checkoutFailedAt;

    /// <summary>When the subscription of a monthly donation ended.</summary>
    public DateTimeOffset? EndedAt => endedAt;

    /// <summary>Why the subscription ended, once it did (the provider's retries of a failed payment ran out, …).</summary>
    public SubscriptionEndReason EndReason { get; private set; }

    /// <summary>The privacy notice the donor was shown (<see cref="DonationPrivacyNotice"/>); null for donations made before it was recorded.</summary>
    public string? PrivacyNoticeVersion { get; private init; }

    /// <summary>Payments in the order the provider reported them.</summary>
    public IReadOnlyList<Payment> Payments => ledger.Payments;

    /// <summary>
    /// The payment-shaped id under which the receipt mailer is asked for the last mail of a monthly donation that
    /// ended (that mail is about the donation, not one payment; derived, so a redelivery asks for the same).
    /// </summary>
    public string EndNoticeId => ledger.PaymentIdFor("subscription-end");

    /// <summary>Ids of the provider events that changed this donation; saved with it, so dedupe is atomic.</summary>
    public IReadOnlyCollection<string> ProcessedEventIds => ledger.ProcessedEventIds;

    /// <summary>Provider ids under which this donation must be findable.</summary>
    public IReadOnlyCollection<PaymentReference> References
    {
        get
        {
            var references = new List<PaymentReference>();
            if (subscriptionId is not null)
            {
                references.Add(new PaymentReference(PaymentReferenceKind.Subscription, subscriptionId));
            }

            if (TransferCode is { } code)
            {
                references.Add(new PaymentReference(PaymentReferenceKind.TransferCode, code.Characters));
            }

            references.AddRange(ledger.IntentReferences);
            references.AddRange(ledger.InvoiceReferences);
            return references;
        }
    }

    /// <summary>
    /// Derived from the payments by fixed precedence: a monthly donation that ended is cancelled; any payment paid
    /// makes the donation paid (a monthly donation runs on while one payment is disputed or returned); else a disputed
    /// payment makes it disputed; all payments refunded → refunded; all money gone with at least one payment returned
    /// by the bank (returned debit, lost dispute) → returned; then processing, failed, pending.
    /// </summary>
    public DonationStatus Status
    {
        get
        {
            if (Interval == DonationInterval.Monthly && endedAt is not null)
            {
                return DonationStatus.Cancelled;
            }

            var payments = ledger.Payments;
            if (payments.Any(p => p.Status == PaymentStatus.Paid))
            {
                return DonationStatus.Paid;
            }

            if (payments.Any(p => p.Status == PaymentStatus.Disputed))
            {
                return DonationStatus.Disputed;
            }

            if (payments.Count > 0 && payments.All(p => p.Status == PaymentStatus.Refunded))
            {
                return DonationStatus.Refunded;
            }

            if (payments.Count > 0 && payments.All(p => p.Status is PaymentStatus.Refunded or PaymentStatus.Returned))
            {
                return DonationStatus.Returned;
            }

            if (payments.Any(p => p.Status == PaymentStatus.Processing))
            {
                return DonationStatus.Processing;
            }

            if (payments.Any(p => p.Status == PaymentStatus.Failed) || checkoutFailedAt is not null)
            {
                return DonationStatus.Failed;
            }

            return checkoutCompletedAt is not null ? DonationStatus.Processing : DonationStatus.Pending;
        }
    }

    public static bool IsWellFormedId(string? id) => RandomIdGenerator.IsWellFormed(id, IdPrefix);

    public static Donation Create(string id, DonationRequest request, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsWellFormedId(id))
        {
            throw new ArgumentException("Not a donation id.", nameof(id));
        }

        return new Donation(
            id,
            request.Donor,
            request.AmountCents,
            request.Interval,
            request.PaymentMethod,
            request.Locale,
            request.WantsReceipt,
            createdAt)
        {
            PrivacyNoticeVersion = DonationPrivacyNotice.CurrentVersion,
        };
    }

    public static Donation FromSnapshot(DonationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var donation = new Donation(
            snapshot.Id,
            snapshot.Donor,
            snapshot.AmountCents,
            snapshot.Interval,
            snapshot.PaymentMethod,
            snapshot.Locale,
            snapshot.WantsReceipt,
            snapshot.CreatedAt)
        {
            CheckoutSessionId = snapshot.CheckoutSessionId,
            CheckoutUrl = snapshot.CheckoutUrl,
            subscriptionId = snapshot.SubscriptionId,
            customerId = snapshot.CustomerId,
            checkoutCompletedAt = snapshot.CheckoutCompletedAt,
            checkoutFailedAt = snapshot.CheckoutFailedAt,
            endedAt = snapshot.EndedAt,
            EndReason = snapshot.EndReason,
            PrivacyNoticeVersion = snapshot.PrivacyNoticeVersion,
            termsChangedAt = snapshot.TermsChangedAt,
            PausedUntil = snapshot.PausedUntil,
            EndsAt = snapshot.EndsAt,
            setUpPaymentMethodId = snapshot.SetUpPaymentMethodId,
        };
        donation.ledger.Restore(snapshot.Payments, snapshot.ProcessedEventIds);
        return donation;
    }

    public DonationSnapshot ToSnapshot() => new(
        Id,
        Donor,
        AmountCents,
        Interval,
        PaymentMethod,
        Locale,
        WantsReceipt,
        CreatedAt,
        CheckoutSessionId,
        CheckoutUrl,
        subscriptionId,
        customerId,
        checkoutCompletedAt,
        checkoutFailedAt,
        endedAt,
        ledger.PaymentSnapshots(),
        ledger.ProcessedEventIdSnapshot())
    {
        EndReason = EndReason,
        PrivacyNoticeVersion = PrivacyNoticeVersion,
        TermsChangedAt = termsChangedAt,
        PausedUntil = PausedUntil,
        EndsAt = EndsAt,
        SetUpPaymentMethodId = setUpPaymentMethodId,
    };

    /// <summary>Links the donation to its hosted checkout page; a donation has exactly one.</summary>
    public void AttachCheckout(CheckoutSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (CheckoutSessionId is not null && CheckoutSessionId != session.SessionId)
        {
            throw new InvalidOperationException("The donation already has a different checkout session.");
        }

        CheckoutSessionId = session.SessionId;
        CheckoutUrl = session.Url;
    }
}
