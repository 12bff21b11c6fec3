using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kok.Domain.Payments;
using Stripe;

namespace Kok.DevHost.Tests.Stripe;

/// <summary>
/// The stand-in as the yearly dues use it: off-session charges on the method saved at the membership checkout,
/// forced outcomes, rate-limit faults, settlement, and the production adapter's reading of each answer.
/// </summary>
public sealed class StripeStandInDuesTests : IAsyncLifetime
{
    private static readonly DateOnly Period = new(2026, 3, 1);

    private StripeStandInHost host = null!;

    public async Task InitializeAsync() => host = await StripeStandInHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Card_charge_succeeds_at_once_and_sends_payment_intent_succeeded_first()
    {
        var method = await SavedMethodAsync("mem_card", PaymentMethodKind.Card);

        var result = await host.Gateway.ChargeDuesAsync(Charge("mem_card", method), CancellationToken.None);

        Assert.Equal(DuesChargeStatus.Succeeded, result.Status);
        Assert.Null(result.FailureCode);
        var succeeded = host.Single<PaymentIntentSucceeded>();
        Assert.Equal(result.PaymentIntentId, succeeded.PaymentIntentId);
        Assert.Equal(6000, succeeded.AmountCents);
        Assert.Equal("mem_card", succeeded.MetadataValue(PaymentMetadataKeys.MemberId));
        Assert.Equal(Period, PaymentMetadataKeys.PeriodOf(succeeded));

        var intent = await new PaymentIntentService(host.StripeClient()).GetAsync(
            result.PaymentIntentId, new PaymentIntentGetOptions { Expand = ["payment_method"] });
        Assert.Equal("succeeded", intent.Status);
        Assert.Equal(method.PaymentMethodId, intent.PaymentMethod.Id);
        Assert.Equal(method.CustomerId, intent.CustomerId);
        Assert.Equal("Mitgliedsbeitrag 2026-03-01", intent.Description);
        Assert.Equal(6000, intent.AmountReceived);

        var listed = Assert.Single(await ChargesAsync("mem_card"));
        Assert.Equal(result.PaymentIntentId, listed["id"]!.GetValue<string>());
        Assert.Equal("succeeded", listed["status"]!.GetValue<string>());
        Assert.Equal("dues:mem_card:2026-03-01", listed["idempotencyKey"]!.GetValue<string>());
        Assert.Equal("2026-03-01", listed["metadata"]!["duesPeriod"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("succeeded", "payment_intent.succeeded")]
    [InlineData("failed", "payment_intent.payment_failed")]
    public async Task Sepa_charge_stays_processing_until_settled(string settlement, string eventType)
    {
        var method = await SavedMethodAsync("mem_sepa", PaymentMethodKind.SepaDebit);

        var result = await host.Gateway.ChargeDuesAsync(Charge("mem_sepa", method), CancellationToken.None);

        Assert.Equal(DuesChargeStatus.Processing, result.Status);
        Assert.DoesNotContain(host.Handler.Received, e => e is PaymentIntentSucceeded or PaymentIntentFailed);

        await host.PostAsync($"/dev/stripe/payments/{result.PaymentIntentId}/settle", new { outcome = settlement });

        var settled = Assert.Single(host.Handler.Received, e => e is PaymentIntentSucceeded or PaymentIntentFailed);
        Assert.Equal("mem_sepa", settled.MetadataValue(PaymentMetadataKeys.MemberId));
        Assert.Equal(Period, PaymentMetadataKeys.PeriodOf(settled));
        Assert.Single(await EventsAsync(eventType));
        if (settled is PaymentIntentFailed failed)
        {
            Assert.Equal(result.PaymentIntentId, failed.PaymentIntentId);
            Assert.Equal("insufficient_funds", failed.FailureCode);
        }
        else
        {
            Assert.Equal(6000, Assert.IsType<PaymentIntentSucceeded>(settled).AmountCents);
        }
    }

    [Fact]
    public async Task Idempotency_key_replays_the_charge_and_refuses_other_parameters()
    {
        var method = await SavedMethodAsync("mem_idem", PaymentMethodKind.Card);

        using var first = await CreateRawAsync(method, "mem_idem", "key_idem_1");
        using var again = await CreateRawAsync(method, "mem_idem", "key_idem_1");
        using var other = await CreateRawAsync(method, "mem_idem", "key_idem_1", amount: 9900);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await IdOf(first), await IdOf(again));
        Assert.Single(await ChargesAsync("mem_idem"));
        Assert.Single(await EventsAsync("payment_intent.succeeded"));

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("idempotency_error", (await ErrorOf(other))["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forced_decline_answers_402_card_error_once_and_is_replayed_as_such()
    {
        var method = await SavedMethodAsync("mem_decl", PaymentMethodKind.Card);
        await host.PostAsync("/dev/stripe/members/mem_decl/next-charge", new { outcome = "decline" });

        using var declined = await CreateRawAsync(method, "mem_decl", "key_decl_1");
        using var replayed = await CreateRawAsync(method, "mem_decl", "key_decl_1");
        using var next = await CreateRawAsync(method, "mem_decl", "key_decl_2");

        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        var error = await ErrorOf(declined);
        Assert.Equal("card_error", error["type"]!.GetValue<string>());
        Assert.Equal("card_declined", error["code"]!.GetValue<string>());
        Assert.Equal("generic_decline", error["decline_code"]!.GetValue<string>());
        Assert.Equal("requires_payment_method", error["payment_intent"]!["status"]!.GetValue<string>());
        var paymentIntentId = error["payment_intent"]!["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.PaymentRequired, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(paymentIntentId, (await ErrorOf(replayed))["payment_intent"]!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var failed = host.Single<PaymentIntentFailed>();
        Assert.Equal(paymentIntentId, failed.PaymentIntentId);
        Assert.Equal("card_declined", failed.FailureCode);
        Assert.Equal(["requires_payment_method", "succeeded"], (await ChargesAsync("mem_decl")).Select(c => c["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Forced_authentication_answers_402_authentication_required()
    {
        var method = await SavedMethodAsync("mem_auth", PaymentMethodKind.Card);
        await host.PostAsync("/dev/stripe/members/mem_auth/next-charge", new { outcome = "authenticate" });

        using var response = await CreateRawAsync(method, "mem_auth", "key_auth_1");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("card_error", error["type"]!.GetValue<string>());
        Assert.Equal("authentication_required", error["code"]!.GetValue<string>());
        Assert.Equal("authentication_required", host.Single<PaymentIntentFailed>().FailureCode);
    }

    [Fact]
    public async Task Forced_processing_keeps_a_card_charge_pending_until_settled()
    {
        var method = await SavedMethodAsync("mem_proc", PaymentMethodKind.Card);
        await host.PostAsync("/dev/stripe/members/mem_proc/next-charge", new { outcome = "processing" });

        using var response = await CreateRawAsync(method, "mem_proc", "key_proc_1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paymentIntent = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("processing", paymentIntent["status"]!.GetValue<string>());
        Assert.Empty(host.Handler.Received.OfType<PaymentIntentSucceeded>());

        await host.PostAsync($"/dev/stripe/payments/{paymentIntent["id"]!.GetValue<string>()}/settle", new { outcome = "succeeded" });

        Assert.Equal(paymentIntent["id"]!.GetValue<string>(), host.Single<PaymentIntentSucceeded>().PaymentIntentId);
    }

    [Fact]
    public async Task Rate_limit_fault_answers_429_with_retry_after_and_creates_nothing()
    {
        var method = await SavedMethodAsync("mem_rate", PaymentMethodKind.Card);
        await host.PostAsync("/dev/stripe/faults/rate-limit", new { count = 2 });

        using var firstRefusal = await CreateRawAsync(method, "mem_rate", "key_rate_1");
        using var secondRefusal = await CreateRawAsync(method, "mem_rate", "key_rate_1");
        Assert.Empty(await ChargesAsync("mem_rate"));
        using var accepted = await CreateRawAsync(method, "mem_rate", "key_rate_1");

        foreach (var refused in new[] { firstRefusal, secondRefusal })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("rate_limit", (await ErrorOf(refused))["code"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(accepted.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(await ChargesAsync("mem_rate"));
    }

    [Fact]
    public async Task Unknown_customer_or_payment_method_is_resource_missing()
    {
        var method = await SavedMethodAsync("mem_miss", PaymentMethodKind.Card);

        using var noCustomer = await CreateRawAsync(method with { CustomerId = "cus_Unknown0000001" }, "mem_miss", "key_miss_1");
        using var noMethod = await CreateRawAsync(method with { PaymentMethodId = "pm_Unknown" }, "mem_miss", "key_miss_2");

        Assert.Equal(HttpStatusCode.BadRequest, noCustomer.StatusCode);
        Assert.Equal("customer", (await ErrorOf(noCustomer))["param"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noMethod.StatusCode);
        Assert.Equal("resource_missing", (await ErrorOf(noMethod))["code"]!.GetValue<string>());
        Assert.Empty(await ChargesAsync("mem_miss"));
    }

    [Fact]
    public async Task Seeded_customers_and_methods_are_charged_like_saved_ones()
    {
        var card = new SavedPaymentMethod("pm_seed_card_7", PaymentMethodKind.Card, "4242", null, "cus_seed_7");
        var sepa = new SavedPaymentMethod("pm_seed_sepa_8", PaymentMethodKind.SepaDebit, "3000", "mandate_seed_8", "cus_seed_8");

        Assert.Equal(DuesChargeStatus.Succeeded, (await host.Gateway.ChargeDuesAsync(Charge("mem_seed7", card), CancellationToken.None)).Status);
        Assert.Equal(DuesChargeStatus.Processing, (await host.Gateway.ChargeDuesAsync(Charge("mem_seed8", sepa), CancellationToken.None)).Status);

        // Only the seeding tool's names are adopted; any other unknown customer stays unknown.
        using var other = await CreateRawAsync(card with { CustomerId = "cus_Unknown0000002" }, "mem_seed9", "key_seed_9");
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Production_adapter_maps_every_forced_outcome()
    {
        var card = await SavedMethodAsync("mem_e2e", PaymentMethodKind.Card);
        var sepa = await SavedMethodAsync("mem_e2e_sepa", PaymentMethodKind.SepaDebit);

        async Task<DuesChargeResult> ChargeAsync(string outcome, int year)
        {
            await host.PostAsync("/dev/stripe/members/mem_e2e/next-charge", new { outcome });
            return await host.Gateway.ChargeDuesAsync(Charge("mem_e2e", card, new DateOnly(year, 3, 1)), CancellationToken.None);
        }

        var succeeded = await ChargeAsync("succeed", 2026);
        var declined = await ChargeAsync("decline", 2027);
        var authenticate = await ChargeAsync("authenticate", 2028);
        var processing = await ChargeAsync("processing", 2029);
        var byDefault = await host.Gateway.ChargeDuesAsync(Charge("mem_e2e", card, new DateOnly(2030, 3, 1)), CancellationToken.None);
        var sepaDefault = await host.Gateway.ChargeDuesAsync(Charge("mem_e2e_sepa", sepa), CancellationToken.None);
        await host.PostAsync("/dev/stripe/faults/rate-limit", new { count = 1 });
        var limited = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => host.Gateway.ChargeDuesAsync(Charge("mem_e2e", card, new DateOnly(2031, 3, 1)), CancellationToken.None));
        var replay = await host.Gateway.ChargeDuesAsync(Charge("mem_e2e", card, new DateOnly(2027, 3, 1)), CancellationToken.None);

        Assert.Equal(DuesChargeStatus.Succeeded, succeeded.Status);
        Assert.Equal(new DuesChargeResult(DuesChargeStatus.Failed, declined.PaymentIntentId, "card_declined"), declined);
        Assert.StartsWith("pi_", declined.PaymentIntentId, StringComparison.Ordinal);
        Assert.Equal(new DuesChargeResult(DuesChargeStatus.RequiresAction, authenticate.PaymentIntentId, "authentication_required"), authenticate);
        Assert.StartsWith("pi_", authenticate.PaymentIntentId, StringComparison.Ordinal);
        Assert.Equal(DuesChargeStatus.Processing, processing.Status);
        Assert.Equal(DuesChargeStatus.Succeeded, byDefault.Status);
        Assert.Equal(DuesChargeStatus.Processing, sepaDefault.Status);
        Assert.True(limited.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
        Assert.Equal(declined, replay);
        Assert.Equal(5, (await ChargesAsync("mem_e2e")).Count);
    }

    [Fact]
    public async Task Dues_checkout_for_a_known_customer_carries_the_period_and_saves_the_method_again()
    {
        var method = await SavedMethodAsync("mem_chk", PaymentMethodKind.Card);

        var checkout = await host.Gateway.CreateDuesCheckoutAsync(
            new DuesCheckoutRequest("mem_chk", Period, 6000, PaymentMethodKind.Card, method.CustomerId, "member@example.org", "de"),
            CancellationToken.None);
        var completion = await host.PostAsync($"/dev/stripe/checkout/{checkout.SessionId}/complete", new { outcome = "succeeded" });

        var completed = host.Handler.Received.OfType<CheckoutCompleted>().Single(e => e.SessionId == checkout.SessionId);
        Assert.True(completed.Paid);
        Assert.Equal(method.CustomerId, completed.CustomerId);
        Assert.Equal("mem_chk", completed.ClientReferenceId);
        Assert.Equal(Period, PaymentMetadataKeys.PeriodOf(completed));
        var paymentIntentId = completion["paymentIntentId"]!.GetValue<string>();
        var intent = await new PaymentIntentService(host.StripeClient()).GetAsync(paymentIntentId);
        Assert.Equal("2026-03-01", intent.Metadata[PaymentMetadataKeys.DuesPeriod]);

        var renewed = await host.Gateway.GetSavedPaymentMethodAsync(paymentIntentId, CancellationToken.None);
        Assert.NotNull(renewed);
        Assert.Equal(method.CustomerId, renewed.CustomerId);
        var next = await host.Gateway.ChargeDuesAsync(Charge("mem_chk", renewed, new DateOnly(2027, 3, 1)), CancellationToken.None);
        Assert.Equal(DuesChargeStatus.Succeeded, next.Status);
    }

    private static DuesChargeRequest Charge(string memberId, SavedPaymentMethod method, DateOnly? period = null) =>
        DuesChargeRequest.ForPeriod(memberId, period ?? Period, 6000, method);

    private Task<SavedPaymentMethod> SavedMethodAsync(string memberId, PaymentMethodKind kind) => host.SavedDuesMethodAsync(memberId, kind);

    private async Task<HttpResponseMessage> CreateRawAsync(SavedPaymentMethod method, string memberId, string idempotencyKey, long amount = 6000)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/stripe/api/v1/payment_intents")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["currency"] = "eur",
                ["customer"] = method.CustomerId!,
                ["payment_method"] = method.PaymentMethodId,
                ["payment_method_types[0]"] = method.Kind == PaymentMethodKind.Card ? "card" : "sepa_debit",
                ["confirm"] = "true",
                ["off_session"] = "true",
                ["metadata[memberId]"] = memberId,
                ["metadata[duesPeriod]"] = "2026-03-01",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StripeStandInHost.SecretKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await host.Http.SendAsync(request);
    }

    private async Task<List<JsonNode>> ChargesAsync(string memberId) =>
        [.. (await host.GetAsync($"/dev/stripe/payment_intents?memberId={memberId}"))["data"]!.AsArray().Select(n => n!)];

    private async Task<List<JsonNode>> EventsAsync(string type) =>
        [.. (await host.GetAsync($"/dev/stripe/events?type={type}"))["data"]!.AsArray().Select(n => n!)];

    private static async Task<string> IdOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

    private static async Task<JsonNode> ErrorOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
}
