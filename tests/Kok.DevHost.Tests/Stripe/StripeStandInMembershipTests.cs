using System.Net;
using Kok.Domain.Payments;
using Stripe;
using Stripe.Checkout;

namespace Kok.DevHost.Tests.Stripe;

/// <summary>The stand-in as the membership checkout uses it: a customer, a saved method, and the method's details.</summary>
public sealed class StripeStandInMembershipTests : IAsyncLifetime
{
    private StripeStandInHost host = null!;

    public async Task InitializeAsync() => host = await StripeStandInHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(PaymentMethodKind.Card, "card", "succeeded", "4242", false)]
    [InlineData(PaymentMethodKind.SepaDebit, "sepa_debit", "processing", "3000", true)]
    public async Task Membership_checkout_creates_a_customer_and_saves_the_method(
        PaymentMethodKind kind, string type, string outcome, string last4, bool mandate)
    {
        var checkout = await host.Gateway.CreateMembershipCheckoutAsync(
            new MembershipCheckoutRequest("mem_abcdefghijklmnopqrst", 6000, kind, "member@example.org", "de"), CancellationToken.None);
        await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome, paymentMethod = type });

        var completed = host.Single<CheckoutCompleted>();
        Assert.StartsWith("cus_", completed.CustomerId, StringComparison.Ordinal);
        Assert.Equal("mem_abcdefghijklmnopqrst", completed.MetadataValue(PaymentMetadataKeys.MemberId));
        var session = await new SessionService(host.StripeClient()).GetAsync(checkout.SessionId);
        Assert.Equal("always", session.CustomerCreation);

        var method = await host.Gateway.GetSavedPaymentMethodAsync(completed.PaymentIntentId!, CancellationToken.None);

        Assert.NotNull(method);
        Assert.Equal(kind, method.Kind);
        Assert.Equal(last4, method.Last4);
        Assert.Equal(completed.CustomerId, method.CustomerId);
        Assert.StartsWith("pm_", method.PaymentMethodId, StringComparison.Ordinal);
        Assert.Equal(mandate, method.MandateId is not null);
        Assert.Equal(mandate, !string.IsNullOrEmpty(method.MandateReference));
    }

    [Fact]
    public async Task Sepa_checkout_leaves_a_mandate_with_a_stable_reference_that_later_debits_reuse()
    {
        var method = await SepaMethodAsync("mem_mandate_1");

        Assert.NotNull(method.MandateId);
        Assert.Matches("^[A-Z0-9]{10,20}$", method.MandateReference);
        var mandate = await new MandateService(host.StripeClient()).GetAsync(method.MandateId);
        Assert.Equal("mandate", mandate.Object);
        Assert.Equal("active", mandate.Status);
        Assert.Equal("multi_use", mandate.Type);
        Assert.Equal(method.PaymentMethodId, mandate.PaymentMethodId);
        Assert.Equal("sepa_debit", mandate.PaymentMethodDetails.Type);
        Assert.Equal(method.MandateReference, mandate.PaymentMethodDetails.SepaDebit.Reference);
        Assert.Equal("online", mandate.CustomerAcceptance.Type);

        // The next year's debit is collected under the same mandate, as with Stripe.
        var charged = await host.Gateway.ChargeDuesAsync(
            DuesChargeRequest.ForPeriod("mem_mandate_1", new DateOnly(2027, 3, 1), 6000, method), CancellationToken.None);
        var again = await host.Gateway.GetSavedPaymentMethodAsync(charged.PaymentIntentId!, CancellationToken.None);
        Assert.Equal(method.MandateId, again?.MandateId);
        Assert.Equal(method.MandateReference, again?.MandateReference);

        var other = await SepaMethodAsync("mem_mandate_2");
        Assert.NotEqual(method.MandateId, other.MandateId);
        Assert.NotEqual(method.MandateReference, other.MandateReference);
    }

    [Fact]
    public async Task Seeded_mandates_are_known_and_unknown_ones_are_missing()
    {
        var seeded = await new MandateService(host.StripeClient()).GetAsync("mandate_seed_8");

        Assert.Equal("pm_seed_sepa_8", seeded.PaymentMethodId);
        Assert.Equal("KOKSEED000008", seeded.PaymentMethodDetails.SepaDebit.Reference);

        var missing = await Assert.ThrowsAsync<StripeException>(
            () => new MandateService(host.StripeClient()).GetAsync("mandate_3Unknown"));
        Assert.Equal(HttpStatusCode.NotFound, missing.HttpStatusCode);
        Assert.Equal("resource_missing", missing.StripeError.Code);
    }

    private async Task<SavedPaymentMethod> SepaMethodAsync(string memberId)
    {
        var checkout = await host.Gateway.CreateMembershipCheckoutAsync(
            new MembershipCheckoutRequest(memberId, 6000, PaymentMethodKind.SepaDebit, "member@example.org", "de"), CancellationToken.None);
        var completion = await host.PostAsync(
            $"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded", paymentMethod = "sepa_debit" });
        var method = await host.Gateway.GetSavedPaymentMethodAsync(completion["paymentIntentId"]!.GetValue<string>(), CancellationToken.None);
        Assert.NotNull(method);
        return method;
    }
}
