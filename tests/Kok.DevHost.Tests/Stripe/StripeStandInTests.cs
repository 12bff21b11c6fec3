using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Stripe;
using Stripe.Checkout;

namespace Kok.DevHost.Tests.Stripe;

public sealed class StripeStandInTests : IAsyncLifetime
{
    private StripeStandInHost host = null!;

    public async Task InitializeAsync() => host = await StripeStandInHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Api_base_defaults_to_the_stand_in_on_the_listening_port()
    {
        Assert.Equal(host.BaseUrl + "/dev/stripe/api", host.App.Configuration["Stripe:ApiBase"]);
    }

    [Fact]
    public async Task Card_donation_through_the_real_gateway_completes_with_a_signed_paid_event()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_card1", 2500, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);

        Assert.StartsWith("cs_test_", checkout.SessionId, StringComparison.Ordinal);
        Assert.Equal(new Uri($"{host.BaseUrl}/dev/stripe/checkout/{checkout.SessionId}"), checkout.Url);

        var sessions = new SessionService(host.StripeClient());
        var open = await sessions.GetAsync(checkout.SessionId);
        Assert.Equal("open", open.Status);
        Assert.Equal("payment", open.Mode);
        Assert.Equal(2500, open.AmountTotal);
        Assert.Equal("don_card1", open.ClientReferenceId);
        Assert.Equal("don_card1", open.Metadata["donationId"]);
        Assert.Equal(["card"], open.PaymentMethodTypes);
        Assert.Equal("de", open.Locale);

        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });

        Assert.Equal(
            $"{StripeStandInHost.SuccessUrl}?donationId=don_card1&session_id={checkout.SessionId}",
            completion["redirectUrl"]!.GetValue<string>());
        var completed = host.Single<CheckoutCompleted>();
        Assert.True(completed.Paid);
        Assert.False(completed.SubscriptionMode);
        Assert.Equal(checkout.SessionId, completed.SessionId);
        Assert.Equal("don_card1", completed.ClientReferenceId);
        Assert.Equal("don_card1", completed.MetadataValue("donationId"));
        Assert.Equal(2500, completed.AmountTotalCents);
        Assert.Equal(completion["paymentIntentId"]!.GetValue<string>(), completed.PaymentIntentId);
        Assert.Equal(host.Clock.GetUtcNow(), completed.Created);
        Assert.Equal(200, Assert.Single(host.Deliveries).Status);

        var done = await sessions.GetAsync(checkout.SessionId);
        Assert.Equal("complete", done.Status);
        Assert.Equal("paid", done.PaymentStatus);
        Assert.Null(done.Url);
    }

    [Fact]
    public async Task Sent_events_pass_strict_stripe_net_verification_in_the_pinned_api_version()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_strict", 1500, DonationInterval.Monthly, PaymentMethodKind.Card), CancellationToken.None);
        await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });

        var now = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var parsed = host.Deliveries
            .Select(d => EventUtility.ConstructEvent(d.Payload, d.Signature, StripeStandInHost.WebhookSecret, 300, now))
            .ToList();

        Assert.Equal([EventTypes.CheckoutSessionCompleted, EventTypes.InvoicePaid, EventTypes.InvoicePaymentPaid], parsed.Select(e => e.Type));
        Assert.All(parsed, e => Assert.Equal(StripeConfiguration.ApiVersion, e.ApiVersion));
        var session = Assert.IsType<Session>(parsed[0].Data.Object);
        Assert.Equal("subscription", session.Mode);
        Assert.Equal("paid", session.PaymentStatus);
        var invoice = Assert.IsType<Invoice>(parsed[1].Data.Object);
        Assert.Equal("subscription_create", invoice.BillingReason);
        Assert.Equal(session.SubscriptionId, invoice.Parent.SubscriptionDetails.SubscriptionId);
        Assert.Equal("don_strict", invoice.Parent.SubscriptionDetails.Metadata["donationId"]);
        Assert.Equal(1500, invoice.AmountPaid);
        Assert.Null(invoice.Payments); // includable only: never in an event, as at Stripe
        var invoicePayment = Assert.IsType<InvoicePayment>(parsed[2].Data.Object);
        Assert.Equal(invoice.Id, invoicePayment.InvoiceId);
        Assert.Equal(("paid", "payment_intent", 1500L), (invoicePayment.Status, invoicePayment.Payment.Type, invoicePayment.AmountPaid ?? 0));
        Assert.StartsWith("pi_", invoicePayment.Payment.PaymentIntentId, StringComparison.Ordinal);

        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(
            host.Deliveries[0].Payload, host.Deliveries[0].Signature, "whsec_someone_else", 300, now));
    }

    [Fact]
    public async Task Idempotency_key_replays_the_first_session_and_refuses_other_parameters()
    {
        var first = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_idem", 2000, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);
        var again = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_idem", 2000, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);

        Assert.Equal(first.SessionId, again.SessionId);

        var changed = await Assert.ThrowsAsync<PaymentGatewayException>(() => host.Gateway.CreateDonationCheckoutAsync(
            Request("don_idem", 9900, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None));
        var stripe = Assert.IsType<StripeException>(changed.InnerException);
        Assert.Equal(HttpStatusCode.BadRequest, stripe.HttpStatusCode);
        Assert.Equal("idempotency_error", stripe.StripeError.Type);
    }

    [Fact]
    public async Task Wrong_or_missing_secret_key_is_refused_like_stripe()
    {
        var wrong = await Assert.ThrowsAsync<StripeException>(
            () => new SessionService(host.StripeClient("sk_test_wrong_key_1234")).GetAsync("cs_test_x"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.HttpStatusCode);
        Assert.Equal("Invalid API Key provided: ******************1234", wrong.StripeError.Message);

        using var anonymous = await host.Http.GetAsync("/dev/stripe/api/v1/checkout/sessions/cs_test_x");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var error = JsonNode.Parse(await anonymous.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_session_and_unknown_route_answer_stripe_errors()
    {
        var missing = await Assert.ThrowsAsync<StripeException>(
            () => new SessionService(host.StripeClient()).GetAsync("cs_test_nope"));
        Assert.Equal(HttpStatusCode.NotFound, missing.HttpStatusCode);
        Assert.Equal("resource_missing", missing.StripeError.Code);

        var unknown = await Assert.ThrowsAsync<StripeException>(
            () => new CustomerService(host.StripeClient()).GetAsync("cus_x"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.HttpStatusCode);
    }

    [Fact]
    public async Task Card_decline_keeps_the_session_open_and_sends_nothing()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_decline", 2500, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);

        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "failed" });

        Assert.Equal("open", completion["sessionStatus"]!.GetValue<string>());
        Assert.Contains("declined=card", completion["redirectUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(host.Handler.Received);
        Assert.Empty(completion["events"]!.AsArray());

        await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });
        Assert.True(host.Single<CheckoutCompleted>().Paid);
    }

    [Fact]
    public async Task Sepa_debit_completes_unpaid_and_settles_later()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_sepa", 5000, DonationInterval.Once, PaymentMethodKind.SepaDebit), CancellationToken.None);

        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "processing" });
        var completed = host.Single<CheckoutCompleted>();
        Assert.False(completed.Paid);
        var paymentIntentId = completion["paymentIntentId"]!.GetValue<string>();
        Assert.Equal(paymentIntentId, completed.PaymentIntentId);
        Assert.Empty(host.Handler.Received.OfType<AsyncPaymentSucceeded>());

        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.PostAsync($"/dev/stripe/payments/{paymentIntentId}/settle", new { outcome = "succeeded" });

        var settled = host.Single<AsyncPaymentSucceeded>();
        Assert.Equal(paymentIntentId, settled.PaymentIntentId);
        Assert.Equal("don_sepa", settled.ClientReferenceId);
        Assert.Equal(5000, settled.AmountTotalCents);
        Assert.Equal(host.Clock.GetUtcNow(), settled.Created);
        Assert.Equal("paid", (await new SessionService(host.StripeClient()).GetAsync(checkout.SessionId)).PaymentStatus);
    }

    [Fact]
    public async Task Sepa_debit_that_bounces_sends_async_payment_failed()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_bounce", 5000, DonationInterval.Once, PaymentMethodKind.SepaDebit), CancellationToken.None);

        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "failed" });

        Assert.StartsWith(StripeStandInHost.SuccessUrl, completion["redirectUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Collection(
            host.Handler.Received,
            e => Assert.False(Assert.IsType<CheckoutCompleted>(e).Paid),
            e => Assert.Equal("don_bounce", Assert.IsType<AsyncPaymentFailed>(e).ClientReferenceId));
    }

    [Fact]
    public async Task Monthly_card_donation_pays_first_invoice_renews_and_ends()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_monthly", 1000, DonationInterval.Monthly, PaymentMethodKind.Card), CancellationToken.None);
        await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });

        var completed = host.Single<CheckoutCompleted>();
        Assert.True(completed.SubscriptionMode);
        Assert.NotNull(completed.CustomerId);
        var subscriptionId = completed.SubscriptionId!;
        var first = host.Single<InvoicePaid>();
        Assert.True(first.FirstOfSubscription);
        Assert.Equal(subscriptionId, first.SubscriptionId);
        Assert.Equal(1000, first.AmountPaidCents);
        Assert.Equal("don_monthly", first.MetadataValue("donationId"));

        host.Clock.Advance(TimeSpan.FromDays(31));
        var renewal = await host.PostAsync($"/dev/stripe/subscriptions/{subscriptionId}/renew");

        var invoices = host.Handler.Received.OfType<InvoicePaid>().ToList();
        Assert.Equal(2, invoices.Count);
        var second = invoices[1];
        Assert.False(second.FirstOfSubscription);
        Assert.NotEqual(first.InvoiceId, second.InvoiceId);
        Assert.Equal(renewal["invoiceId"]!.GetValue<string>(), second.InvoiceId);
        Assert.Equal("don_monthly", second.MetadataValue("donationId"));
        Assert.Equal(host.Clock.GetUtcNow(), second.PaidAt);
        Assert.Equal(
            new DateTimeOffset(2026, 2, 15, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(),
            renewal["periodStart"]!.GetValue<long>());

        await host.PostAsync($"/dev/stripe/subscriptions/{subscriptionId}/cancel");

        var ended = host.Single<SubscriptionEnded>();
        Assert.Equal(subscriptionId, ended.SubscriptionId);
        Assert.Equal("don_monthly", ended.MetadataValue("donationId"));

        using var renewCanceled = await host.Http.PostAsJsonAsync($"/dev/stripe/subscriptions/{subscriptionId}/renew", new { });
        Assert.Equal(HttpStatusCode.BadRequest, renewCanceled.StatusCode);
    }

    [Fact]
    public async Task Monthly_sepa_donation_is_paid_when_each_debit_settles()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_msepa", 2000, DonationInterval.Monthly, PaymentMethodKind.SepaDebit), CancellationToken.None);
        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "processing" });
        Assert.False(host.Single<CheckoutCompleted>().Paid);
        Assert.Empty(host.Handler.Received.OfType<InvoicePaid>());

        await host.PostAsync($"/dev/stripe/payments/{completion["paymentIntentId"]!.GetValue<string>()}/settle", new { outcome = "succeeded" });
        Assert.Equal("don_msepa", host.Single<AsyncPaymentSucceeded>().ClientReferenceId);
        Assert.True(host.Single<InvoicePaid>().FirstOfSubscription);

        var renewal = await host.PostAsync($"/dev/stripe/subscriptions/{completion["subscriptionId"]!.GetValue<string>()}/renew");
        Assert.Equal("processing", renewal["status"]!.GetValue<string>());
        Assert.Single(host.Handler.Received.OfType<InvoicePaid>());

        await host.PostAsync($"/dev/stripe/payments/{renewal["paymentIntentId"]!.GetValue<string>()}/settle", new { outcome = "succeeded" });
        var invoices = host.Handler.Received.OfType<InvoicePaid>().ToList();
        Assert.Equal(2, invoices.Count);
        Assert.False(invoices[1].FirstOfSubscription);
        Assert.Single(host.Handler.Received.OfType<AsyncPaymentSucceeded>());
    }

    [Fact]
    public async Task Refunds_by_payment_intent_and_by_charge_report_the_running_total()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_refund", 2500, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);
        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });
        var paymentIntentId = completion["paymentIntentId"]!.GetValue<string>();
        var chargeId = completion["chargeId"]!.GetValue<string>();

        await host.PostAsync($"/dev/stripe/payments/{paymentIntentId}/refund", new { amount = 1000 });
        await host.PostAsync($"/dev/stripe/charges/{chargeId}/refund");

        var refunds = host.Handler.Received.OfType<ChargeRefunded>().ToList();
        Assert.Equal(2, refunds.Count);
        Assert.Equal((chargeId, paymentIntentId, 1000L, false), (refunds[0].ChargeId, refunds[0].PaymentIntentId, refunds[0].AmountRefundedCents, refunds[0].FullyRefunded));
        Assert.Equal((2500L, true), (refunds[1].AmountRefundedCents, refunds[1].FullyRefunded));

        using var again = await host.Http.PostAsJsonAsync($"/dev/stripe/charges/{chargeId}/refund", new { });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Resent_event_arrives_again_with_the_same_id()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_dup", 2500, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);
        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });
        var eventId = completion["events"]![0]!["id"]!.GetValue<string>();

        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.PostAsync($"/dev/stripe/events/{eventId}/resend");

        Assert.Equal(2, host.Handler.Received.Count(e => e.EventId == eventId));
        Assert.All(host.Deliveries, d => Assert.Equal(200, d.Status));
        var listed = await host.GetAsync("/dev/stripe/events?type=checkout.session.completed");
        var stored = Assert.Single(listed["data"]!.AsArray())!;
        Assert.Equal(2, stored["deliveries"]!.AsArray().Count);
        Assert.Equal(checkout.SessionId, stored["payload"]!["data"]!["object"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Held_events_can_be_delivered_in_any_order()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_order", 1200, DonationInterval.Monthly, PaymentMethodKind.Card), CancellationToken.None);

        var completion = await host.PostAsync(
            $"/dev/stripe/checkout/{checkout.SessionId}/complete?deliver=false", new { outcome = "succeeded" });
        Assert.Empty(host.Handler.Received);

        var ids = completion["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(3, ids.Count);
        await host.PostAsync("/dev/stripe/events/deliver", new { eventIds = new[] { ids[2], ids[1], ids[0] } });

        Assert.Collection(
            host.Handler.Received,
            e => Assert.IsType<InvoicePaymentPaid>(e),
            e => Assert.IsType<InvoicePaid>(e),
            e => Assert.IsType<CheckoutCompleted>(e));
    }

    [Fact]
    public async Task Checkout_page_shows_the_donation_and_its_form_redirects_like_stripe()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_page", 2500, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);

        var page = await host.Http.GetStringAsync(checkout.Url);
        Assert.Contains("25,00 EUR", page, StringComparison.Ordinal);
        Assert.Contains("einmalig / one-time", page, StringComparison.Ordinal);
        Assert.Contains("value=\"succeeded\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"processing\"", page, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "succeeded", ["paymentMethod"] = "card" });
        using var response = await host.Http.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(
            $"{StripeStandInHost.SuccessUrl}?donationId=don_page&session_id={checkout.SessionId}",
            response.Headers.Location!.ToString());
        Assert.True(host.Single<CheckoutCompleted>().Paid);
    }

    [Fact]
    public async Task Stand_in_rejects_what_stripe_rejects()
    {
        var sessions = new SessionService(host.StripeClient());
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = "https://www.kok.example/ok",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "eur",
                        UnitAmount = 1000,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Spende" },
                        Recurring = new SessionLineItemPriceDataRecurringOptions { Interval = "month" },
                    },
                },
            ],
        };

        var recurringInPaymentMode = await Assert.ThrowsAsync<StripeException>(() => sessions.CreateAsync(options));
        Assert.Equal(HttpStatusCode.BadRequest, recurringInPaymentMode.HttpStatusCode);

        options.LineItems[0].PriceData.Recurring = null;
        options.LineItems[0].PriceData.UnitAmount = 10;
        var tooSmall = await Assert.ThrowsAsync<StripeException>(() => sessions.CreateAsync(options));
        Assert.Equal("line_items", tooSmall.StripeError.Param);
    }

    [Fact]
    public async Task Forged_webhook_is_answered_400_problem_json_and_reaches_nothing()
    {
        var checkout = await host.Gateway.CreateDonationCheckoutAsync(
            Request("don_forged", 2500, DonationInterval.Once, PaymentMethodKind.Card), CancellationToken.None);
        await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete?deliver=false", new { outcome = "succeeded" });
        var payload = (await host.GetAsync("/dev/stripe/events"))["data"]![0]!["payload"]!.ToJsonString();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/test/stripe/webhook")
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", $"t={host.Clock.GetUtcNow().ToUnixTimeSeconds()},v1={new string('0', 64)}");
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(host.Handler.Received);
    }

    private static DonationCheckoutRequest Request(string donationId, long cents, DonationInterval interval, PaymentMethodKind method) =>
        new(donationId, cents, interval, method, "spender@example.org", "de");
}
