using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.DevHost.Tests.Stripe;

/// <summary>
/// A pending SEPA debit can be settled from what the stand-in shows: the checkout page names the payment intent and
/// offers the bank's two answers, the events and the payment intent list name it too, the settle endpoint also takes
/// the checkout session's or the invoice's id, and its answer names the settled payment intent.
/// </summary>
public sealed partial class StripeStandInSettlementTests : IAsyncLifetime
{
    private StripeStandInHost host = null!;

    public async Task InitializeAsync() => host = await StripeStandInHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task First_invoice_of_a_monthly_sepa_donation_completed_on_the_checkout_page_is_settled_from_that_page()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(MonthlySepa("don_page_sepa"), CancellationToken.None);
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "processing", ["paymentMethod"] = "sepa_debit" }))
        using (var completed = await host.Http.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", form))
        {
            Assert.Equal(HttpStatusCode.SeeOther, completed.StatusCode);
        }

        var page = await host.Http.GetStringAsync(checkout.Url);
        var paymentIntentId = PaymentIntentId().Match(page).Value;
        Assert.Contains($"<code>{paymentIntentId}</code> (processing)", page, StringComparison.Ordinal);
        var action = SettleAction().Match(page).Groups["action"].Value;
        Assert.Equal($"/dev/stripe/payments/{paymentIntentId}/settle", action);
        Assert.Empty(host.Handler.Received.OfType<InvoicePaid>());

        using var settle = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "succeeded" });
        using var settled = await host.Http.PostAsync(action, settle);

        Assert.Equal(HttpStatusCode.SeeOther, settled.StatusCode);
        Assert.Equal($"/dev/stripe/checkout/{checkout.SessionId}", settled.Headers.Location!.ToString());
        Assert.True(host.Single<InvoicePaid>().FirstOfSubscription);
        Assert.Contains($"<code>{paymentIntentId}</code> (succeeded)", await host.Http.GetStringAsync(checkout.Url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_and_the_payment_intent_list_name_the_payment_and_settle_takes_the_session_id_too()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(MonthlySepa("don_list_sepa"), CancellationToken.None);
        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "processing" });
        var paymentIntentId = completion["paymentIntentId"]!.GetValue<string>();

        var events = await host.GetAsync("/dev/stripe/events?type=checkout.session.completed");
        Assert.Equal(paymentIntentId, (string?)Assert.Single(events["data"]!.AsArray())!["paymentIntentId"]);
        var invoices = (await host.GetAsync("/dev/stripe/payment_intents?source=invoice"))["data"]!.AsArray();
        var listed = Assert.Single(invoices)!;
        Assert.Equal(paymentIntentId, (string?)listed["id"]);
        Assert.Equal("processing", (string?)listed["status"]);
        Assert.Equal(checkout.SessionId, (string?)listed["sessionId"]);
        Assert.Equal(completion["invoiceId"]!.GetValue<string>(), (string?)listed["invoiceId"]);
        Assert.Empty((await host.GetAsync("/dev/stripe/payment_intents"))["data"]!.AsArray());

        var settled = await host.PostAsync($"/dev/stripe/payments/{checkout.SessionId}/settle", new { outcome = "succeeded" });

        Assert.Equal(paymentIntentId, (string?)settled["id"]);
        Assert.True(host.Single<InvoicePaid>().FirstOfSubscription);
        var paid = await host.GetAsync("/dev/stripe/events?type=invoice.paid");
        Assert.Equal(paymentIntentId, (string?)Assert.Single(paid["data"]!.AsArray())!["paymentIntentId"]);
    }

    [Fact]
    public async Task Settle_answer_names_the_settled_payment_intent_whichever_id_it_was_given()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(MonthlySepa("don_renew_sepa"), CancellationToken.None);
        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "processing" });
        var first = await host.PostAsync($"/dev/stripe/payments/{completion["paymentIntentId"]!.GetValue<string>()}/settle", new { outcome = "succeeded" });
        var renewal = await host.PostAsync($"/dev/stripe/subscriptions/{completion["subscriptionId"]!.GetValue<string>()}/renew");

        var byInvoice = await host.PostAsync($"/dev/stripe/payments/{renewal["invoiceId"]!.GetValue<string>()}/settle", new { outcome = "failed" });

        Assert.Equal(completion["paymentIntentId"]!.GetValue<string>(), (string?)first["id"]);
        Assert.Equal("payment_intent", (string?)first["object"]);
        Assert.Equal(renewal["paymentIntentId"]!.GetValue<string>(), (string?)byInvoice["id"]);
        Assert.Equal("requires_payment_method", (string?)byInvoice["status"]);
        using var unknown = await host.Http.PostAsync("/dev/stripe/payments/in_unknown/settle", JsonContent.Create(new { outcome = "succeeded" }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static DonationCheckoutRequest MonthlySepa(string donationId) =>
        new(donationId, 2000, DonationInterval.Monthly, PaymentMethodKind.SepaDebit, "spender@example.org", "de");

    [GeneratedRegex("pi_[A-Za-z0-9]+")]
    private static partial Regex PaymentIntentId();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>/dev/stripe/payments/[^\"]+/settle)\">")]
    private static partial Regex SettleAction();
}
