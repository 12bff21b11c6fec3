using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Functions.Http;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.IntegrationTests.Http;

/// <summary>
/// With the storage emulator stopped, every HTTP route that needs storage answers 503 problem+json with
/// <c>Retry-After</c> (the forms and Stripe then try again later) instead of a bare 500. That the answer comes
/// within the health check's 3 s is shown without a stopwatch: each storage operation of the request was attempted
/// exactly as often as <see cref="StorageBudget.Interactive"/> allows, counted on the wire.
/// </summary>
public sealed class StorageDownTests
{
    private static readonly string MemberId = RandomIdGenerator.Derive(Member.IdPrefix, "storage-down");
    private static readonly string DonationId = RandomIdGenerator.Derive(Donation.IdPrefix, "storage-down");

    /// <summary>Routes that never touch storage and answer as usual.</summary>
    private static readonly string[] WithoutStorage = ["DashboardPage", "DashboardAsset", "ReceiptsPage", "ReceiptsPageScript", "PaymentMethodPage", "SignOut", "MeinKokPage", "ShowUnsubscribe"];

    [Fact]
    public async Task Every_route_answers_503_problem_json_with_retry_after_after_the_interactive_budgets_attempts()
    {
        var counter = new StorageTransactionCounter();
        var logs = new CapturedLogs();
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.TransactionCounter = counter;
            o.InteractiveStorageBudget = StorageBudget.Interactive;
            o.Logs = logs;
            foreach (var function in HttpFunctionRoutes.All)
            {
                o.OnlyFunctions.Add(function.Name);
            }

            o.Settings["Staff:DevToken"] = HostileRequests.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        var samples = Samples(server);
        Assert.Equal(HttpFunctionRoutes.All.Select(f => f.Name).Order(), samples.Keys.Order());

        // Once with storage up, so the process has created the tables it uses: the steady state of a running app.
        foreach (var sample in samples.Values)
        {
            using var warm = await server.Client.SendAsync(sample());
        }

        await azurite.KillAsync();
        var logged = logs.Entries.Count;
        var failures = new List<string>();
        foreach (var (name, sample) in samples)
        {
            counter.Reset();
            using var response = await server.Client.SendAsync(sample());
            var attempts = counter.Transactions.GroupBy(t => $"{t.Method} {t.Path}").ToArray();
            var body = await response.Content.ReadAsStringAsync();
            if (WithoutStorage.Contains(name))
            {
                Check(failures, name, response.StatusCode == HttpStatusCode.OK && attempts.Length == 0, $"{response.StatusCode}, {attempts.Length} storage requests");
                continue;
            }

            Check(failures, name, response.StatusCode == HttpStatusCode.ServiceUnavailable, $"status {(int)response.StatusCode}");
            if (name == "Health")
            {
                continue; // its own documented body: {"status":"degraded","storage":"unreachable"}
            }

            Check(failures, name, response.Content.Headers.ContentType?.MediaType == ProblemResults.ContentType, "not problem+json");
            Check(failures, name, response.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(ServiceUnavailableMiddleware.RetryAfterSeconds), "no Retry-After: 60");
            Check(failures, name, body.Contains(ServiceUnavailableMiddleware.ProblemType, StringComparison.Ordinal)
                                  && body.Contains("try again in a minute", StringComparison.Ordinal), body);
            Check(failures, name, attempts.Length > 0 && attempts.All(a => a.Count() == 1 + StorageBudget.Interactive.MaxRetries),
                "attempts " + string.Join(", ", attempts.Select(a => $"{a.Key} ×{a.Count()}")));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));

        // Logged: which function, which failure; never the supporter's data, nor the storage URLs (with their keys) that
        // exception messages quote.
        var outage = logs.Entries.Skip(logged).ToArray();
        Assert.Contains(outage, e => e.Message.Contains("CreateMembership answered 503", StringComparison.Ordinal));
        Assert.DoesNotContain(outage, e => e.FullText.Contains("Mustermann", StringComparison.Ordinal)
                                           || e.FullText.Contains("erika@", StringComparison.Ordinal)
                                           || e.FullText.Contains("devstoreaccount1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_away_from_the_start_is_a_503_too_where_the_first_request_creates_its_tables()
    {
        var counter = new StorageTransactionCounter();
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = TestStorage.UnreachableConnectionString();
            o.TransactionCounter = counter;
            o.InteractiveStorageBudget = StorageBudget.Interactive;
            o.OnlyFunctions.Add("CreateDonation");
            o.OnlyFunctions.Add("CreateMembership");
            o.OnlyFunctions.Add("StripeWebhook");
        });

        foreach (var name in new[] { "CreateDonation", "CreateMembership", "StripeWebhook" })
        {
            counter.Reset();
            using var response = await server.Client.SendAsync(Samples(server)[name]());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(ProblemResults.ContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(ServiceUnavailableMiddleware.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
            var creation = Assert.Single(counter.Transactions.GroupBy(t => $"{t.Method} {t.Path}"));
            Assert.Equal("POST /devstoreaccount1/Tables", creation.Key);
            Assert.Equal(1 + StorageBudget.Interactive.MaxRetries, creation.Count());
        }
    }

    private static void Check(List<string> failures, string function, bool condition, string what)
    {
        if (!condition)
        {
            failures.Add($"{function}: {what}");
        }
    }

    /// <summary>A request per HTTP function that passes its checks and so reaches storage; a new route needs one here.</summary>
    private static Dictionary<string, Func<HttpRequestMessage>> Samples(DevHostServer server)
    {
        var links = server.Services.GetRequiredService<MemberLinks>();
        var expires = DateTimeOffset.UtcNow.AddDays(1);
        var cancel = Uri.EscapeDataString(links.CreateToken(MemberId, MemberLinks.CancelPurpose, expires));
        var pay = Uri.EscapeDataString(links.CreateToken(MemberId, MemberLinks.PayDuesPurpose, expires));
        string donation = HostileRequests.FormBody(HttpFunctionRoutes.Named("CreateDonation"));
        string membership = HostileRequests.FormBody(HttpFunctionRoutes.Named("CreateMembership"));
        string transfer = HostileRequests.FormBody(HttpFunctionRoutes.Named("RecordDashboardMemberPayment"));
        return new Dictionary<string, Func<HttpRequestMessage>>(StringComparer.Ordinal)
        {
            ["Health"] = () => Get("api/health"),
            ["CreateDonation"] = () => Post("api/donations", donation),
            ["GetDonation"] = () => Staff(Get($"api/donations/{DonationId}")),
            ["CreateMembership"] = () => Post("api/memberships", membership),
            ["GetMembership"] = () => Staff(Get($"api/memberships/{MemberId}")),
            ["ShowMembershipCancellation"] = () => Get($"api/memberships/{MemberId}/cancel?token={cancel}"),
            ["CancelMembership"] = () => Post($"api/memberships/{MemberId}/cancel?token={cancel}", null),
            ["PayDues"] = () => Get($"api/memberships/{MemberId}/dues/pay?token={pay}"),
            ["StripeWebhook"] = () => Webhook(),
            ["GetDashboardSummary"] = () => Staff(Get("api/dashboard/summary")),
            ["RecomputeDashboardTotals"] = () => Staff(Post("api/dashboard/totals/recompute", null)),
            ["ListDashboardMembers"] = () => Staff(Get("api/dashboard/members")),
            ["ListDashboardDonations"] = () => Staff(Get("api/dashboard/donations")),
            ["ListDashboardAttention"] = () => Staff(Get("api/dashboard/attention")),
            ["MarkDashboardAttentionDone"] = () => Staff(Post($"api/dashboard/attention/0000000000000000001_{DonationId}_Returned_none/done", null)),
            ["ExportDashboardMembers"] = () => Staff(Get("api/dashboard/export/members.csv")),
            ["ExportDashboardDonations"] = () => Staff(Get("api/dashboard/export/donations.csv")),
            ["GetDashboardMember"] = () => Staff(Get($"api/dashboard/members/{MemberId}")),
            ["GetDashboardDonation"] = () => Staff(Get($"api/dashboard/donations/{DonationId}")),
            ["RemindDashboardMember"] = () => Staff(Post($"api/dashboard/members/{MemberId}/remind", null)),
            ["RecordDashboardMemberPayment"] = () => Staff(Post($"api/dashboard/members/{MemberId}/payments", transfer)),
            ["CancelDashboardMember"] = () => Staff(Post($"api/dashboard/members/{MemberId}/cancel", null)),
            ["RequeueDashboardPoisonMessages"] = () => Staff(Post("api/dashboard/mail/poison/receipt-mail/requeue", null)),
            ["DashboardPage"] = () => Staff(Get("dashboard")),
            ["DashboardAsset"] = () => Staff(Get("dashboard/assets/dashboard.css")),
            ["ReceiptsPage"] = () => Staff(Get("dashboard/receipts")),
            ["ReceiptsPageScript"] = () => Staff(Get("dashboard/receipts/assets/receipts.js")),
            ["PaymentMethodPage"] = () => Get("payment-method?lang=en"),
            ["MeinKokPage"] = () => Get("mein-kok?lang=en"),
            ["SupporterCancelMembership"] = () => Supporter(server, Post($"api/me/memberships/{MemberId}/cancel", null)),
            ["SupporterReceiptPdf"] = () => Supporter(server, Get("api/me/receipts/2025-000001/pdf")),
            ["SupporterChangeDonationAmount"] = () => Supporter(server, Post($"api/me/donations/{DonationId}/amount", """{"amount":30}""")),
            ["SupporterPauseDonation"] = () => Supporter(server, Post($"api/me/donations/{DonationId}/pause", """{"months":2}""")),
            ["SupporterCancelDonation"] = () => Supporter(server, Post($"api/me/donations/{DonationId}/cancel", null)),
            ["SupporterChangeMembershipAmount"] = () => Supporter(server, Post($"api/me/memberships/{MemberId}/amount", """{"annualAmount":80}""")),
            ["SupporterChangeDonationPaymentMethod"] = () => Supporter(server, Post($"api/me/donations/{DonationId}/payment-method", null)),
            ["SupporterChangeMembershipPaymentMethod"] = () => Supporter(server, Post($"api/me/memberships/{MemberId}/payment-method", null)),
            ["SupporterRequestErasure"] = () => Supporter(server, Post("api/me/erasure-request", """{"message":"Bitte alles löschen"}""")),
            ["SupporterErasureRequest"] = () => Supporter(server, Get("api/me/erasure-request")),
            ["SupporterChangeAddress"] = () => Supporter(server, Post("api/me/address", """{"address":{"street":"Neue Straße 1","postalCode":"10115","city":"Berlin","country":"DE"}}""")),
            ["RequestSignInLink"] = () => Post("api/me/link", """{"email":"erika@example.org"}"""),
            ["ShowSignIn"] = () => Get("mein-kok/anmelden?token=abcdefghijklmnop"),
            ["SignIn"] = () => Post("mein-kok/anmelden?token=abcdefghijklmnop", null),
            ["SignOut"] = () => Supporter(server, Post("api/me/signout", null)),
            ["SupporterOverview"] = () => Supporter(server, Get("api/me")),
            ["PreviewAnnualReceipts"] = () => Staff(Get("api/dashboard/receipts/annual/2025/preview")),
            ["SampleAnnualReceipt"] = () => Staff(Get("api/dashboard/receipts/annual/2025/preview/sample")),
            ["StartAnnualReceipts"] = () => Staff(Post("api/dashboard/receipts/annual/2025/run", null)),
            ["AnnualReceiptsProgress"] = () => Staff(Get("api/dashboard/receipts/annual/2025/progress")),
            ["ListDashboardReceipts"] = () => Staff(Get("api/dashboard/receipts?year=2025")),
            ["DownloadDashboardReceipt"] = () => Staff(Get("api/dashboard/receipts/2025-000001/pdf")),
            ["CopyDashboardReceipt"] = () => Staff(Get("api/dashboard/receipts/2025-000001/copy")),
            ["CorrectDashboardReceipt"] = () => Staff(Post("api/dashboard/receipts/2025-000001/correct", """{"reason":"Anschrift falsch"}""")),
            ["AnnualReceiptsReconciliation"] = () => Staff(Get("api/dashboard/receipts/reconciliation?year=2025")),
            ["ImportBankStatement"] = () => Staff(Statement()),
            ["ListUnmatchedBankEntries"] = () => Staff(Get("api/dashboard/bank/unmatched")),
            ["DecideBankEntry"] = () => Staff(Post($"api/dashboard/bank/unmatched/ref:{new string('a', 64)}/decision", """{"decision":"not_a_donation"}""")),
            ["AddDonationReceiptAddress"] = () => Staff(Post(
                "api/dashboard/donations/don_aaaaaaaaaaaaaaaaaaaa/receipt-address",
                """{"address":{"street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"}}""")),
            ["ShowUnsubscribe"] = () => Get("unsubscribe?token=" + new string('A', 43)),
            ["Unsubscribe"] = () => Post("unsubscribe?token=" + new string('A', 43), null),
            ["RecordMailObjection"] = () => Staff(Post("api/dashboard/privacy/objections", """{"email":"erika@example.org"}""")),
            ["ExportSupporterData"] = () => Staff(Post("api/dashboard/privacy/export", """{"email":"erika@example.org"}""")),
            ["SupporterDataExport"] = () => Supporter(server, Get("api/me/data")),
            ["SupporterDataPage"] = () => Supporter(server, Get("api/me/data.html")),
            ["PrivacyOverdue"] = () => Staff(Get("api/dashboard/privacy/overdue")),
            ["PrivacyErasureRequests"] = () => Staff(Get("api/dashboard/privacy/requests")),
            ["ErasePersonalData"] = () => Staff(Post("api/dashboard/privacy/erase", """{"email":"erika@example.org","reason":"asked by mail"}""")),
        };
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string? json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <summary>With a session cookie signed as DevHost signs it, so the supporter guard lets the request through.</summary>
    private static HttpRequestMessage Supporter(DevHostServer server, HttpRequestMessage request)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        server.Services.GetRequiredService<Kok.Functions.SelfService.SupporterSessionCookie>()
            .SignIn(http.Response, Kok.Domain.SelfService.SupporterKey.Of("erika@example.org"), DateTimeOffset.UtcNow);
        request.Headers.Add("Cookie", http.Response.Headers.SetCookie.ToString().Split(';')[0]);
        return request;
    }

    /// <summary>A bank statement with one credit: importing it reads the entry log first.</summary>
    private static HttpRequestMessage Statement() => new(HttpMethod.Post, "api/dashboard/bank/statements")
    {
        Content = new StringContent(
            """<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-04</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef></Ntry></Stmt></BkToCstmrStmt></Document>""",
            Encoding.UTF8,
            "application/xml"),
    };

    private static HttpRequestMessage Staff(HttpRequestMessage request)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", HostileRequests.StaffToken);
        return request;
    }

    /// <summary>A correctly signed, well-formed event for a donation: reaching it needs a storage read.</summary>
    private static HttpRequestMessage Webhook()
    {
        var payload = new JsonObject
        {
            ["id"] = "evt_storagedown1",
            ["object"] = "event",
            ["type"] = "checkout.session.completed",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = "cs_test_storagedown1",
                    ["object"] = "checkout.session",
                    ["client_reference_id"] = DonationId,
                    ["metadata"] = new JsonObject { ["donationId"] = DonationId },
                    ["mode"] = "payment",
                    ["payment_status"] = "paid",
                    ["payment_intent"] = "pi_storagedown1",
                    ["amount_total"] = 2500,
                },
            },
        }.ToJsonString();
        var request = Post("api/stripe/webhook", payload);
        request.Headers.TryAddWithoutValidation("Stripe-Signature", Signatures.Sign(payload, Signatures.DevHostSecret, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        return request;
    }
}
