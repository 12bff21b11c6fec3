using Kok.Domain.Payments;
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
    }
}
