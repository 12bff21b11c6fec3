using Kok.Domain.Common;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.Tests.Membership;

internal static class MemberFixtures
{
    public const string MemberId = "mem_abcdefghijklmnopqrst";
    public const string SessionId = "cs_test_m1";
    public const string CustomerId = "cus_m1";
    public static readonly Uri CheckoutUrl = new("https://checkout.example/pay/cs_test_m1");

    /// <summary>10:00 UTC = 11:00 in Berlin, 1 March 2026.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly byte[] Secret = "0123456789abcdef0123456789abcdef-tests"u8.ToArray();

    public static readonly Dictionary<string, string> Metadata = new() { ["memberId"] = MemberId };

    public static MembershipForm ValidForm(string kind = "person") => new()
    {
        Kind = kind,
        Name = kind == "person" ? "Erika Mustermann" : "Frauenberatung Köln e.V.",
        ContactPerson = kind == "person" ? null : "Erika Mustermann",
        Email = "erika@example.de",
        Address = new AddressForm { Street = "Heidestraße 17", PostalCode = "51147", City = "Köln", Country = "DE" },
        AnnualAmount = 60.00m,
        PaymentMethod = "sepa_debit",
        Locale = "de",
        Consents = new MembershipConsentsForm { Privacy = true, ListPublicly = false },
    };

    public static MembershipRequest Request(
        MemberKind kind = MemberKind.Person,
        PaymentMethodKind method = PaymentMethodKind.SepaDebit,
        string locale = "de",
        string name = "Erika Mustermann") =>
        new(
            kind,
            name,
            kind == MemberKind.Person ? null : "Erika Mustermann",
            "erika@example.de",
            new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"),
            6000,
            method,
            locale,
            ListPublicly: false);

    public static Member NewMember(
        MemberKind kind = MemberKind.Person,
        PaymentMethodKind method = PaymentMethodKind.SepaDebit,
        string locale = "de",
        string id = MemberId)
    {
        var member = Member.Create(id, Request(kind, method, locale), T0);
        member.AttachCheckout(new CheckoutSession(SessionId, CheckoutUrl));
        return member;
    }

    public static CheckoutCompleted Completed(string eventId, bool paid, int minute = 1, string? paymentIntentId = "pi_m1") =>
        new(eventId, T0.AddMinutes(minute), Metadata, SessionId, MemberId, paid, SubscriptionMode: false,
            paymentIntentId, SubscriptionId: null, CustomerId, 6000);

    public static AsyncPaymentSucceeded Succeeded(string eventId, int minute = 60 * 24 * 3) =>
        new(eventId, T0.AddMinutes(minute), Metadata, SessionId, MemberId, "pi_m1", 6000);

    public static AsyncPaymentFailed Failed(string eventId, int minute = 60 * 24 * 3) =>
        new(eventId, T0.AddMinutes(minute), Metadata, SessionId, MemberId, "pi_m1");

    public const string MandateReference = "Q8XKZ3MNR2VTLW7B";

    public static SavedPaymentMethod Sepa { get; } = new("pm_m1", PaymentMethodKind.SepaDebit, "3000", "mandate_1", CustomerId, MandateReference);

    public static MemberLinks Links() => new(new Uri("https://api.kok.example/"), Secret, TimeSpan.FromDays(60));

    /// <summary>An active member: paid by card at T0 (Berlin date 1 March 2026).</summary>
    public static Member ActiveMember(PaymentMethodKind method = PaymentMethodKind.Card, string locale = "de", MemberKind kind = MemberKind.Person)
    {
        var member = NewMember(kind, method, locale);
        member.Apply(Completed("evt_paid", paid: true, minute: 0));
        member.RecordPaymentMethod(method == PaymentMethodKind.Card
            ? new SavedPaymentMethod("pm_c", PaymentMethodKind.Card, "4242", null, CustomerId)
            : Sepa);
        return member;
    }
}
