using System.Net;
using Kok.Functions.Http;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Functions.Tests.Payments;

public sealed class StripePaymentGatewayTests
{
    private const string SessionResponse = """
        {
          "id": "cs_test_a1B2c3",
          "object": "checkout.session",
          "created": 1767225480,
          "mode": "payment",
          "status": "open",
          "url": "https://checkout.stripe.com/c/pay/cs_test_a1B2c3"
        }
        """;

    private static readonly Dictionary<string, string?> BaseSettings = new()
    {
        ["Stripe:SecretKey"] = "sk_test_51Unit",
        ["Website:SuccessUrl"] = "https://www.kok.example/spenden/danke",
        ["Website:CancelUrl"] = "https://www.kok.example/spenden?from=checkout",
    };

    [Fact]
    public async Task One_time_card_donation_creates_a_payment_mode_session_with_our_ids()
    {
        var (gateway, handler) = Create();

        var session = await gateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest("don_42", 2500, DonationInterval.Once, PaymentMethodKind.Card, "spender@example.org", "de"),
            CancellationToken.None);

        Assert.Equal("cs_test_a1B2c3", session.SessionId);
        Assert.Equal(new Uri("https://checkout.stripe.com/c/pay/cs_test_a1B2c3"), session.Url);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://api.stripe.com/v1/checkout/sessions"), request.Uri);
        Assert.Equal("Bearer sk_test_51Unit", request.Headers["Authorization"]);
        Assert.Equal("donation-checkout-don_42", request.Headers["Idempotency-Key"]);

        var form = request.Form();
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("donate", form["submit_type"]);
        Assert.Equal("2500", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("eur", form["line_items[0][price_data][currency]"]);
        Assert.Equal("1", form["line_items[0][quantity]"]);
        Assert.Equal("Spende an den KOK e.V.", form["line_items[0][price_data][product_data][name]"]);
        Assert.DoesNotContain(form.Keys, k => k.Contains("recurring", StringComparison.Ordinal));
        Assert.Equal("card", form["allowed_payment_method_types[0]"]);
        Assert.False(form.ContainsKey("allowed_payment_method_types[1]"));
        Assert.Equal("don_42", form["client_reference_id"]);
        Assert.Equal("don_42", form["metadata[donationId]"]);
        Assert.Equal("don_42", form["payment_intent_data[metadata][donationId]"]);
        Assert.DoesNotContain(form.Keys, k => k.StartsWith("subscription_data", StringComparison.Ordinal));
        Assert.Equal("spender@example.org", form["customer_email"]);
        Assert.Equal("de", form["locale"]);
        Assert.Equal(
            "https://www.kok.example/spenden/danke?donationId=don_42&session_id={CHECKOUT_SESSION_ID}",
            form["success_url"]);
        Assert.Equal("https://www.kok.example/spenden?from=checkout&donationId=don_42", form["cancel_url"]);
    }

    [Fact]
    public async Task Monthly_sepa_donation_creates_a_subscription_with_a_monthly_inline_price()
    {
        var (gateway, handler) = Create();

        await gateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest("don_7", 1000, DonationInterval.Monthly, PaymentMethodKind.SepaDebit, "a@example.org", "en-GB"),
            CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("donation-checkout-don_7", request.Headers["Idempotency-Key"]);
        var form = request.Form();
        Assert.Equal("subscription", form["mode"]);
        Assert.Equal("1000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("month", form["line_items[0][price_data][recurring][interval]"]);
        Assert.Equal("1", form["line_items[0][price_data][recurring][interval_count]"]);
        Assert.Equal("Monthly donation to KOK e.V.", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("sepa_debit", form["allowed_payment_method_types[0]"]);
        Assert.Equal("don_7", form["subscription_data[metadata][donationId]"]);
        Assert.Equal("don_7", form["metadata[donationId]"]);
        Assert.DoesNotContain(form.Keys, k => k.StartsWith("payment_intent_data", StringComparison.Ordinal));
        Assert.False(form.ContainsKey("submit_type"));
        Assert.Equal("en", form["locale"]);
    }

    [Fact]
    public async Task Unknown_locale_lets_checkout_follow_the_browser()
    {
        var (gateway, handler) = Create();

        await gateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest("don_8", 500, DonationInterval.Once, PaymentMethodKind.Card, "a@example.org", "fr"),
            CancellationToken.None);

        Assert.Equal("auto", handler.Requests[0].Form()["locale"]);
    }

    [Fact]
    public async Task Configured_api_base_redirects_every_call()
    {
        var (gateway, handler) = Create(new() { ["Stripe:ApiBase"] = "http://127.0.0.1:5999/dev/stripe/api/" });

        await gateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest("don_9", 500, DonationInterval.Once, PaymentMethodKind.Card, "a@example.org", "de"),
            CancellationToken.None);

        Assert.Equal(new Uri("http://127.0.0.1:5999/dev/stripe/api/v1/checkout/sessions"), handler.Requests[0].Uri);
    }

    [Fact]
    public async Task Stripe_refusal_becomes_a_gateway_exception_without_stripe_text()
    {
        var (gateway, _) = Create(
            status: HttpStatusCode.BadRequest,
            response: """{"error":{"type":"invalid_request_error","code":"email_invalid","message":"Invalid email address: x@y","param":"customer_email"}}""");

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(() => gateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest("don_10", 500, DonationInterval.Once, PaymentMethodKind.Card, "x@y", "de"),
            CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.DoesNotContain("x@y", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_secret_key_fails_loudly()
    {
        var (gateway, handler) = Create(new() { ["Stripe:SecretKey"] = null });

        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest("don_11", 500, DonationInterval.Once, PaymentMethodKind.Card, "a@example.org", "de"),
            CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Membership_checkout_takes_the_first_year_and_saves_the_method_on_a_customer()
    {
        var (gateway, handler) = Create();

        await gateway.CreateMembershipCheckoutAsync(
            new MembershipCheckoutRequest("mem_9", 6000, PaymentMethodKind.SepaDebit, "member@example.org", "en"),
            CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("membership-checkout-mem_9", request.Headers["Idempotency-Key"]);
        var form = request.Form();
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("always", form["customer_creation"]);
        Assert.Equal("off_session", form["payment_intent_data[setup_future_usage]"]);
        Assert.Equal("6000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("Supporting membership of KOK e.V. – annual dues", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("sepa_debit", form["allowed_payment_method_types[0]"]);
        Assert.Equal("mem_9", form["client_reference_id"]);
        Assert.Equal("mem_9", form["metadata[memberId]"]);
        Assert.Equal("mem_9", form["payment_intent_data[metadata][memberId]"]);
        Assert.False(form.ContainsKey("submit_type"));
        Assert.Equal("https://www.kok.example/spenden/danke?memberId=mem_9&session_id={CHECKOUT_SESSION_ID}", form["success_url"]);
    }

    [Theory]
    [InlineData("sepa_debit", PaymentMethodKind.SepaDebit, "3000", "mandate_1", "NXDSYREGC9PSMKWY")]
    [InlineData("card", PaymentMethodKind.Card, "4242", null, null)]
    public async Task Saved_payment_method_is_read_from_the_expanded_payment_intent_and_the_mandate(
        string type, PaymentMethodKind kind, string last4, string? mandate, string? reference)
    {
        var (gateway, handler) = Create(
            response: SavedMethodIntent(type),
            routes: new() { ["/v1/mandates/mandate_1"] = (HttpStatusCode.OK, MandateResponse) });

        var method = await gateway.GetSavedPaymentMethodAsync("pi_1", CancellationToken.None);

        Assert.Equal(new SavedPaymentMethod("pm_1", kind, last4, mandate, "cus_1", reference), method);
        var request = handler.Requests[0];
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Contains("/v1/payment_intents/pi_1", request.Uri.ToString(), StringComparison.Ordinal);
        Assert.Contains("expand[0]=payment_method", Uri.UnescapeDataString(request.Uri.Query), StringComparison.Ordinal);
        Assert.Contains("expand[1]=latest_charge", Uri.UnescapeDataString(request.Uri.Query), StringComparison.Ordinal);
        if (mandate is null)
        {
            Assert.Single(handler.Requests);
        }
        else
        {
            Assert.Equal(2, handler.Requests.Count);
            Assert.Equal(HttpMethod.Get, handler.Requests[1].Method);
            Assert.Equal(new Uri("https://api.stripe.com/v1/mandates/mandate_1"), handler.Requests[1].Uri);
            Assert.Equal("Bearer sk_test_51Unit", handler.Requests[1].Headers["Authorization"]);
        }
    }

    [Fact]
    public async Task Missing_mandate_leaves_the_reference_unknown_but_the_method_saved()
    {
        var (gateway, handler) = Create(
            response: SavedMethodIntent("sepa_debit"),
            routes: new()
            {
                ["/v1/mandates/mandate_1"] = (HttpStatusCode.NotFound,
                    """{"error":{"type":"invalid_request_error","code":"resource_missing","param":"mandate","message":"No such mandate: 'mandate_1'"}}"""),
            });

        var method = await gateway.GetSavedPaymentMethodAsync("pi_1", CancellationToken.None);

        Assert.Equal(new SavedPaymentMethod("pm_1", PaymentMethodKind.SepaDebit, "3000", "mandate_1", "cus_1"), method);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Mandate_server_error_fails_the_lookup_as_transient()
    {
        var (gateway, _) = Create(
            response: SavedMethodIntent("sepa_debit"),
            headers: new Dictionary<string, string> { ["Stripe-Should-Retry"] = "false" },
            routes: new()
            {
                ["/v1/mandates/mandate_1"] = (HttpStatusCode.InternalServerError,
                    """{"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}"""),
            });

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => gateway.GetSavedPaymentMethodAsync("pi_1", CancellationToken.None));

        Assert.True(ex.IsTransient);
    }

    [Theory]
    [InlineData(PaymentMethodKind.Card, "card", "succeeded", DuesChargeStatus.Succeeded)]
    [InlineData(PaymentMethodKind.SepaDebit, "sepa_debit", "processing", DuesChargeStatus.Processing)]
    public async Task Dues_charge_confirms_off_session_with_our_ids_and_the_idempotency_key(
        PaymentMethodKind kind, string type, string stripeStatus, DuesChargeStatus expected)
    {
        var (gateway, handler) = Create(response: PaymentIntentResponse(stripeStatus));

        var result = await gateway.ChargeDuesAsync(DuesCharge(kind), CancellationToken.None);

        Assert.Equal(new DuesChargeResult(expected, "pi_3Dues01"), result);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://api.stripe.com/v1/payment_intents"), request.Uri);
        Assert.Equal("dues:mem_9:2026-03-01", request.Headers["Idempotency-Key"]);
        var form = request.Form();
        Assert.Equal("6000", form["amount"]);
        Assert.Equal("eur", form["currency"]);
        Assert.Equal("cus_9", form["customer"]);
        Assert.Equal("pm_9", form["payment_method"]);
        Assert.Equal(type, form["allowed_payment_method_types[0]"]);
        Assert.False(form.ContainsKey("allowed_payment_method_types[1]"));
        Assert.Equal("true", form["off_session"]);
        Assert.Equal("true", form["confirm"]);
        Assert.Equal("mem_9", form["metadata[memberId]"]);
        Assert.Equal("2026-03-01", form["metadata[duesPeriod]"]);
        Assert.Equal("Mitgliedsbeitrag 2026-03-01", form["description"]);
    }

    [Fact]
    public async Task Dues_charge_left_requiring_action_needs_the_member()
    {
        var (gateway, _) = Create(response: PaymentIntentResponse("requires_action"));

        var result = await gateway.ChargeDuesAsync(DuesCharge(PaymentMethodKind.Card), CancellationToken.None);

        Assert.Equal(new DuesChargeResult(DuesChargeStatus.RequiresAction, "pi_3Dues01", "authentication_required"), result);
    }

    [Fact]
    public async Task Card_needing_authentication_off_session_is_requires_action_not_an_error()
    {
        var (gateway, _) = Create(status: HttpStatusCode.PaymentRequired, response: CardError("authentication_required", "authentication_required"));

        var result = await gateway.ChargeDuesAsync(DuesCharge(PaymentMethodKind.Card), CancellationToken.None);

        Assert.Equal(new DuesChargeResult(DuesChargeStatus.RequiresAction, "pi_3Dues01", "authentication_required"), result);
    }

    [Fact]
    public async Task Declined_card_is_a_failed_result_with_the_code_and_payment_intent()
    {
        var (gateway, handler) = Create(status: HttpStatusCode.PaymentRequired, response: CardError("card_declined", "insufficient_funds"));

        var result = await gateway.ChargeDuesAsync(DuesCharge(PaymentMethodKind.Card), CancellationToken.None);

        Assert.Equal(new DuesChargeResult(DuesChargeStatus.Failed, "pi_3Dues01", "card_declined"), result);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Rate_limit_surfaces_at_once_as_transient_with_retry_after()
    {
        var (gateway, handler) = Create(
            status: HttpStatusCode.TooManyRequests,
            response: """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests hit the API too quickly."}}""",
            headers: new Dictionary<string, string> { ["Retry-After"] = "7" });

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => gateway.ChargeDuesAsync(DuesCharge(PaymentMethodKind.Card), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Rate_limit_without_retry_after_leaves_the_wait_to_the_caller()
    {
        var (gateway, _) = Create(
            status: HttpStatusCode.TooManyRequests,
            response: """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Too many requests."}}""");

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => gateway.ChargeDuesAsync(DuesCharge(PaymentMethodKind.Card), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Null(ex.RetryAfter);
    }

    [Fact]
    public async Task Server_error_is_transient()
    {
        // Stripe marks most 500s "do not retry" (its idempotency layer would replay them); that also keeps
        // Stripe.net's own retries, with their real back-off, out of this test.
        var (gateway, _) = Create(
            status: HttpStatusCode.InternalServerError,
            response: """{"error":{"type":"api_error","message":"Something went wrong on Stripe's end."}}""",
            headers: new Dictionary<string, string> { ["Stripe-Should-Retry"] = "false" });

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => gateway.ChargeDuesAsync(DuesCharge(PaymentMethodKind.SepaDebit), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Null(ex.RetryAfter);
    }

    [Fact]
    public async Task Invalid_request_is_permanent_and_keeps_stripe_text_out()
    {
        var (gateway, _) = Create(
            status: HttpStatusCode.BadRequest,
            response: """{"error":{"type":"invalid_request_error","code":"resource_missing","param":"payment_method","message":"No such PaymentMethod: 'pm_9' for member@example.org"}}""");

        var ex = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => gateway.ChargeDuesAsync(DuesCharge(PaymentMethodKind.Card), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("resource_missing", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("member@example.org", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dues_checkout_for_a_known_customer_saves_the_method_again_with_an_hourly_idempotency_key()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 59, 0, TimeSpan.Zero));
        var (gateway, handler) = Create(time: clock);
        var request = new DuesCheckoutRequest(
            "mem_9", new DateOnly(2026, 3, 1), 6000, PaymentMethodKind.Card, "cus_9", "member@example.org", "de");

        await gateway.CreateDuesCheckoutAsync(request, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await gateway.CreateDuesCheckoutAsync(request, CancellationToken.None);

        Assert.Equal("dues-checkout:mem_9:2026-03-01:2026030214", handler.Requests[0].Headers["Idempotency-Key"]);
        Assert.Equal("dues-checkout:mem_9:2026-03-01:2026030215", handler.Requests[1].Headers["Idempotency-Key"]);
        var form = handler.Requests[0].Form();
        Assert.Equal("payment", form["mode"]);
        Assert.Equal("cus_9", form["customer"]);
        Assert.False(form.ContainsKey("customer_email"));
        Assert.False(form.ContainsKey("customer_creation"));
        Assert.Equal("6000", form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("Mitgliedsbeitrag KOK e.V. ab 2026-03-01", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("card", form["allowed_payment_method_types[0]"]);
        Assert.Equal("off_session", form["payment_intent_data[setup_future_usage]"]);
        Assert.Equal("mem_9", form["client_reference_id"]);
        Assert.Equal("mem_9", form["metadata[memberId]"]);
        Assert.Equal("2026-03-01", form["metadata[duesPeriod]"]);
        Assert.Equal("mem_9", form["payment_intent_data[metadata][memberId]"]);
        Assert.Equal("2026-03-01", form["payment_intent_data[metadata][duesPeriod]"]);
        Assert.Equal("https://www.kok.example/spenden/danke?memberId=mem_9&session_id={CHECKOUT_SESSION_ID}", form["success_url"]);
        Assert.Equal("https://www.kok.example/spenden?from=checkout&memberId=mem_9", form["cancel_url"]);
    }

    [Fact]
    public async Task Dues_checkout_without_a_customer_creates_one_from_the_email()
    {
        var (gateway, handler) = Create(time: new FakeTimeProvider());

        await gateway.CreateDuesCheckoutAsync(
            new DuesCheckoutRequest("mem_8", new DateOnly(2027, 1, 1), 3000, PaymentMethodKind.SepaDebit, null, "member@example.org", "en"),
            CancellationToken.None);

        var form = Assert.Single(handler.Requests).Form();
        Assert.False(form.ContainsKey("customer"));
        Assert.Equal("member@example.org", form["customer_email"]);
        Assert.Equal("always", form["customer_creation"]);
        Assert.Equal("sepa_debit", form["allowed_payment_method_types[0]"]);
        Assert.Equal("Membership dues KOK e.V. from 2027-01-01", form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("en", form["locale"]);
    }

    [Fact]
    public async Task Dues_checkout_without_a_clock_sends_no_key_of_ours()
    {
        var (gateway, handler) = Create();

        await gateway.CreateDuesCheckoutAsync(
            new DuesCheckoutRequest("mem_7", new DateOnly(2027, 1, 1), 3000, PaymentMethodKind.Card, "cus_7", "m@example.org", "de"),
            CancellationToken.None);

        var headers = Assert.Single(handler.Requests).Headers;
        Assert.False(headers.TryGetValue("Idempotency-Key", out var key) && key.StartsWith("dues-checkout", StringComparison.Ordinal));
    }

    private const string MandateResponse = """
        {
          "id": "mandate_1", "object": "mandate", "status": "active", "type": "multi_use", "payment_method": "pm_1",
          "customer_acceptance": { "type": "online", "accepted_at": 1767225480,
            "online": { "ip_address": "127.0.0.1", "user_agent": "test" } },
          "multi_use": {},
          "payment_method_details": { "type": "sepa_debit",
            "sepa_debit": { "reference": "NXDSYREGC9PSMKWY", "url": "https://payments.stripe.com/sepa_debit/mandate/test" } }
        }
        """;

    private static string SavedMethodIntent(string type) => $$"""
        {
          "id": "pi_1", "object": "payment_intent", "customer": "cus_1", "status": "processing",
          "payment_method": { "id": "pm_1", "object": "payment_method", "type": "{{type}}",
            "sepa_debit": { "last4": "3000" }, "card": { "last4": "4242", "brand": "visa" } },
          "latest_charge": { "id": "ch_1", "object": "charge",
            "payment_method_details": { "type": "{{type}}", "sepa_debit": { "last4": "3000", "mandate": "mandate_1" } } }
        }
        """;

    private static DuesChargeRequest DuesCharge(PaymentMethodKind kind) =>
        DuesChargeRequest.ForPeriod("mem_9", new DateOnly(2026, 3, 1), 6000, new SavedPaymentMethod("pm_9", kind, "4242", null, "cus_9"));

    private static string PaymentIntentResponse(string status) => $$"""
        {
          "id": "pi_3Dues01", "object": "payment_intent", "amount": 6000, "currency": "eur", "customer": "cus_9",
          "status": "{{status}}", "metadata": { "memberId": "mem_9", "duesPeriod": "2026-03-01" }
        }
        """;

    private static string CardError(string code, string declineCode) => $$"""
        {
          "error": {
            "type": "card_error", "code": "{{code}}", "decline_code": "{{declineCode}}",
            "message": "Your card was declined.",
            "payment_intent": {
              "id": "pi_3Dues01", "object": "payment_intent", "amount": 6000, "currency": "eur",
              "status": "requires_payment_method",
              "last_payment_error": { "type": "card_error", "code": "{{code}}", "decline_code": "{{declineCode}}" }
            }
          }
        }
        """;

    private static (StripePaymentGateway Gateway, RecordingHandler Handler) Create(
        Dictionary<string, string?>? overrides = null,
        HttpStatusCode status = HttpStatusCode.OK,
        string response = SessionResponse,
        Dictionary<string, string>? headers = null,
        TimeProvider? time = null,
        Dictionary<string, (HttpStatusCode Status, string Json)>? routes = null)
    {
        var settings = new Dictionary<string, string?>(BaseSettings);
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var handler = new RecordingHandler(status, response, headers, routes);
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(StripeClientProvider.HttpClientName)).Returns(() => new HttpClient(handler));
        var gateway = new StripePaymentGateway(
            new StripeClientProvider(configuration, factory.Object, time ?? TimeProvider.System),
            WebsiteOptions.From(configuration),
            NullLogger<StripePaymentGateway>.Instance,
            time);
        return (gateway, handler);
    }
}
