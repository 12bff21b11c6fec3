using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Tests.Donations;

internal static class DonationFixtures
{
    public const string DonationId = "don_abcdefghijklmnopqrst";
    public const string SessionId = "cs_test_1";
    public const string SubscriptionId = "sub_1";
    public const string CustomerId = "cus_1";
    public static readonly Uri CheckoutUrl = new("https://checkout.example/pay/cs_test_1");
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Metadata = new() { ["donationId"] = DonationId };

    public static DonationForm ValidForm(bool wantsReceipt = true) => new()
    {
        Amount = 25.50m,
        Currency = "EUR",
        Interval = "once",
        PaymentMethod = "card",
        Donor = new ContactForm
        {
            Name = "Erika Mustermann",
            Email = "erika@example.de",
            Address = new AddressForm { Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", Country = "DE" },
        },
        WantsReceipt = wantsReceipt,
        Locale = "de",
    };

    public static DonationRequest Request(
        DonationInterval interval = DonationInterval.Once,
        PaymentMethodKind method = PaymentMethodKind.Card,
        long amountCents = 2550) =>
        new(
            amountCents,
            interval,
            method,
            new ContactDetails("Erika Mustermann", "erika@example.de", new PostalAddress("Heidestraße 17", "51147", "Köln", "DE")),
            WantsReceipt: true,
            Locale: "de");

    public static Donation NewDonation(
        DonationInterval interval = DonationInterval.Once,
        PaymentMethodKind method = PaymentMethodKind.Card,
        long amountCents = 2550)
    {
        var donation = Donation.Create(DonationId, Request(interval, method, amountCents), T0);
        donation.AttachCheckout(new CheckoutSession(SessionId, CheckoutUrl));
        return donation;
    }

    public static CheckoutCompleted Completed(
        string eventId,
        bool paid,
        string? paymentIntentId = "pi_1",
        long amount = 2550,
        int minute = 1,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        new(eventId, T0.AddMinutes(minute), metadata ?? Metadata, SessionId, DonationId, paid, SubscriptionMode: false,
            paymentIntentId, SubscriptionId: null, CustomerId, amount);

    public static CheckoutCompleted CompletedSubscription(string eventId, bool paid, int minute = 1) =>
        new(eventId, T0.AddMinutes(minute), Metadata, SessionId, DonationId, paid, SubscriptionMode: true,
            PaymentIntentId: null, SubscriptionId, CustomerId, 1000);

    public static AsyncPaymentSucceeded Succeeded(string eventId, string? paymentIntentId = "pi_1", long amount = 2550, int minute = 60) =>
        new(eventId, T0.AddMinutes(minute), Metadata, SessionId, DonationId, paymentIntentId, amount);

    public static AsyncPaymentFailed Failed(string eventId, string? paymentIntentId = "pi_1", int minute = 60) =>
        new(eventId, T0.AddMinutes(minute), Metadata, SessionId, DonationId, paymentIntentId);

    public static InvoicePaid Invoice(string eventId, int month, long amount = 1000) =>
        new(eventId, T0.AddMonths(month).AddMinutes(5), Metadata, $"in_{month}", SubscriptionId, $"pi_inv_{month}", amount,
            FirstOfSubscription: month == 0, PaidAt: T0.AddMonths(month));

    /// <summary>An invoice as Stripe's API version "basil" sends it: its payment intent is not in it.</summary>
    public static InvoicePaid InvoiceWithoutIntent(string eventId, int month, long amount = 1000) =>
        Invoice(eventId, month, amount) with { PaymentIntentId = null };

    /// <summary>The invoice's payment, naming the payment intent (<c>invoice_payment.paid</c>), a minute after the invoice's event.</summary>
    public static InvoicePaymentPaid InvoicePayment(string eventId, int month, long amount = 1000) =>
        new(eventId, T0.AddMonths(month).AddMinutes(6), new Dictionary<string, string>(), $"in_{month}", $"pi_inv_{month}", amount,
            PaidAt: T0.AddMonths(month));

    public static SubscriptionEnded Ended(string eventId, int month = 12) =>
        new(eventId, T0.AddMonths(month), Metadata, SubscriptionId);

    /// <summary>Charges carry no metadata: found by payment intent only.</summary>
    public static ChargeRefunded Refunded(string eventId, string paymentIntentId = "pi_1", long amount = 2550, bool fully = true, int day = 3) =>
        new(eventId, T0.AddDays(day), new Dictionary<string, string>(), $"ch_{paymentIntentId}", paymentIntentId, amount, fully);

    /// <summary>A dispute event of <paramref name="paymentIntentId"/>'s charge; disputes carry no metadata of ours.</summary>
    public static DisputeEvent Dispute(
        string eventId,
        DisputeStatus status,
        int day = 20,
        string paymentIntentId = "pi_1",
        long amount = 2550,
        string kind = "created",
        string reason = "general")
    {
        var dispute = new PaymentDispute("dp_1", $"ch_{paymentIntentId}", paymentIntentId, amount, reason, status, T0.AddDays(10), null);
        var at = T0.AddDays(day);
        var none = new Dictionary<string, string>();
        return kind switch
        {
            "closed" => new DisputeClosed(eventId, at, none, dispute),
            "funds_withdrawn" => new DisputeFundsWithdrawn(eventId, at, none, dispute),
            "funds_reinstated" => new DisputeFundsReinstated(eventId, at, none, dispute),
            _ => new DisputeOpened(eventId, at, none, dispute),
        };
    }

    /// <summary>A failed charge of <paramref name="paymentIntentId"/> reported <paramref name="minutes"/> after T0.</summary>
    public static ChargeFailed ChargeFailedAt(string eventId, int minutes, string paymentIntentId = "pi_1", string code = "insufficient_funds") =>
        new(eventId, T0.AddMinutes(minutes), new Dictionary<string, string>(), $"ch_{paymentIntentId}", paymentIntentId, 2550, code,
            PaymentMethodKind.SepaDebit, "mandate_1", "pm_1");

    public static InvoicePaymentFailed InvoiceFailed(string eventId, int month, int attempt = 1, string? code = "expired_card", long amount = 1000) =>
        new(eventId, T0.AddMonths(month).AddDays(attempt - 1), Metadata, $"in_{month}", SubscriptionId, CustomerId, $"pi_inv_{month}", amount,
            attempt, attempt < 4 ? T0.AddMonths(month).AddDays(attempt + 2) : null, code, FirstOfSubscription: false);

    public static SubscriptionUpdated SubscriptionNow(string eventId, SubscriptionState state, int month, SubscriptionEndReason reason = SubscriptionEndReason.Unknown) =>
        new(eventId, T0.AddMonths(month), Metadata, SubscriptionId, CustomerId, state, SubscriptionState.PastDue, CollectionPaused: false, null,
            CancelAtPeriodEnd: false, 1000, "price_1", null, reason);

    public static SubscriptionEnded EndedBecause(string eventId, SubscriptionEndReason reason, int month = 12) =>
        new(eventId, T0.AddMonths(month), Metadata, SubscriptionId, reason);
}
