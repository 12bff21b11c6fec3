using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;

using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Membership;

/// <summary>
/// The whole sign-up on Azurite through DevHost and the Stripe stand-in: sign up → stand-in checkout → webhook →
/// active → receipt and welcome mail requested → the welcome mail's link → cancel → confirmation requested →
/// cancelling → ended once the paid period is over (fake clock). Mails are checked as the queue consumer will build
/// them (<see cref="ComposeMemberMail"/>); <see cref="MembershipDevHostFlowTests"/> repeats this through /dev/mail
/// once the mail pipeline and DevHost's queue runtime are merged.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class MembershipFlowTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static object SignUp(string email, string paymentMethod = "card", string name = "Erika Mustermann") => new
    {
        kind = "organisation",
        name,
        contactPerson = "Erika Mustermann",
        email,
        address = new { street = "Heidestraße 17", postalCode = "51147", city = "Köln", country = "DE" },
        annualAmount = 60.00m,
        paymentMethod,
        locale = "de",
        consents = new { privacy = true, listPublicly = false },
    };

    [Fact]
    public async Task Sign_up_pay_welcome_cancel_and_end()
    {
        await using var host = await MembershipTestHost.StartAsync(Start);
        var email = $"erika.{Guid.NewGuid():N}@example.de";

        var created = await host.PostJsonAsync("/api/memberships", SignUp(email));
        var memberId = created["memberId"]!.GetValue<string>();
        var sessionId = new Uri(created["checkoutUrl"]!.GetValue<string>()).Segments[^1];

        var paid = await host.PostJsonAsync($"/dev/stripe/checkout/{sessionId}/complete", new { outcome = "succeeded", paymentMethod = "card" });
        Assert.All(paid["events"]!.AsArray(), e => Assert.Equal(200, e!["deliveries"]![0]!["status"]!.GetValue<int>()));

        var member = (await host.Service<IMemberRepository>().GetAsync(memberId, default))!.Member;
        Assert.Equal(MembershipStatus.Active, member.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), member.MemberSince);
        Assert.Equal(new DateOnly(2027, 3, 1), member.NextDuesDate);
        Assert.Equal("4242", member.SavedPaymentMethod?.Last4);
        Assert.StartsWith("cus_", member.CustomerId, StringComparison.Ordinal);

        var receipts = (await MembershipTestHost.DrainAsync(IReceiptMailQueue.QueueName)).Where(m => (string?)m["subjectId"] == memberId).ToList();
        var receipt = Assert.Single(receipts);
        Assert.Equal("membership", (string?)receipt["subjectKind"]);
        Assert.Equal(member.FirstPayment!.Id, (string?)receipt["paymentId"]);
        var welcomes = (await MembershipTestHost.DrainAsync(IMemberMailQueue.WelcomeQueueName)).Where(m => (string?)m["memberId"] == memberId).ToList();
        Assert.Equal("welcome", (string?)Assert.Single(welcomes)["kind"]);

        var welcome = await host.Service<ComposeMemberMail>().ExecuteAsync(new MemberMailRequest(MemberMailKind.Welcome, memberId), default);
        Assert.NotNull(welcome);
        Assert.Contains("Kreditkarte mit Endung 4242", welcome.Text, StringComparison.Ordinal);
        var link = LinkIn(welcome.Text, memberId);
        Assert.StartsWith(host.BaseUrl + $"/api/memberships/{memberId}/cancel?token=", link.ToString(), StringComparison.Ordinal);

        var page = await host.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Fördermitgliedschaft kündigen", html, StringComparison.Ordinal);
        Assert.Contains("Fördermitgliedschaft als Organisation", html, StringComparison.Ordinal);

        var cancelled = await host.Http.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("endet mit Ablauf des 28.02.2027", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await host.Http.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([]));
        Assert.Contains("Bereits gekündigt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirmations = (await MembershipTestHost.DrainAsync(IMemberMailQueue.MemberMailQueueName)).Where(m => (string?)m["memberId"] == memberId).ToList();
        Assert.Equal("cancellation_confirmed", (string?)Assert.Single(confirmations)["kind"]);
        var confirmation = await host.Service<ComposeMemberMail>().ExecuteAsync(
            new MemberMailRequest(MemberMailKind.CancellationConfirmed, memberId), default);
        Assert.Contains("endet mit Ablauf des 28.02.2027", confirmation!.Text, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Cancelling, await StatusAsync(host, memberId));

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 28, 12, 0, 0, TimeSpan.Zero));
        await host.Service<EndCancelledMemberships>().ExecuteAsync(default);
        Assert.Equal(MembershipStatus.Cancelling, await StatusAsync(host, memberId));

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 2, 30, 0, TimeSpan.Zero));
        await host.Service<EndCancelledMemberships>().ExecuteAsync(default);
        Assert.Equal(MembershipStatus.Ended, await StatusAsync(host, memberId));

        var staffView = new HttpRequestMessage(HttpMethod.Get, $"/api/memberships/{memberId}");
        staffView.Headers.Authorization = new("Bearer", MembershipTestHost.StaffToken);
        var view = JsonNode.Parse(await (await host.Http.SendAsync(staffView)).Content.ReadAsStringAsync())!;
        Assert.Equal(4, view["statusHistory"]!.AsArray().Count);
        Assert.Single(view["payments"]!.AsArray());
    }

    [Fact]
    public async Task Tampered_expired_and_foreign_links_are_refused_and_change_nothing()
    {
        await using var host = await MembershipTestHost.StartAsync(Start);
        var memberId = await ActiveMemberAsync(host, $"anna.{Guid.NewGuid():N}@example.de");
        var other = await ActiveMemberAsync(host, $"ben.{Guid.NewGuid():N}@example.de");
        var links = host.Service<MemberLinks>();
        var token = HttpUtility.ParseQueryString(links.CancelUrl(memberId, host.Clock.GetUtcNow()).Query)["token"]!;
        var foreign = HttpUtility.ParseQueryString(links.CancelUrl(other, host.Clock.GetUtcNow()).Query)["token"]!;

        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        foreach (var bad in new[] { tampered, foreign, string.Empty })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.GetAsync($"/api/memberships/{memberId}/cancel?token={bad}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.PostAsync($"/api/memberships/{memberId}/cancel?token={bad}", null)).StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromDays(61));
        var expired = await host.Http.PostAsync($"/api/memberships/{memberId}/cancel?token={token}", null);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("abgelaufen", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(MembershipStatus.Active, await StatusAsync(host, memberId));
        Assert.Equal(MembershipStatus.Active, await StatusAsync(host, other));
    }

    [Fact]
    public async Task Duplicate_sign_up_is_409()
    {
        await using var host = await MembershipTestHost.StartAsync(Start);
        var email = $"carla.{Guid.NewGuid():N}@example.de";
        await ActiveMemberAsync(host, email);

        var response = await host.Http.PostAsJsonAsync("/api/memberships", SignUp(email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("active", (string?)problem["existingStatus"]);
    }

    [Fact]
    public async Task Sign_ups_of_one_person_from_several_tabs_at_once_create_one_membership()
    {
        await using var host = await MembershipTestHost.StartAsync(Start);
        var email = $"tabs.{Guid.NewGuid():N}@example.de";

        // Different idempotency keys, as separate tabs send them: only the sign-up lease keeps them apart.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/memberships") { Content = JsonContent.Create(SignUp(email)) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await host.Http.SendAsync(request);
            return (response.StatusCode, Body: JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }));

        var created = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("pending", (string?)r.Body["existingStatus"]);
        });
        Assert.Equal([(string)created.Body["memberId"]!], await host.Service<IMemberRepository>().FindIdsByEmailAsync(email, default));
    }

    /// <summary>
    /// Storage transactions, as README states them: sign-up with an Idempotency-Key = 9 (key claim, sign-up lease,
    /// email index query, the dashboard refresh message, email index entry, dashboard list rows, member insert, list
    /// rows confirmed, lease given back); activation by a paid card checkout = 9 (member read, receipt, welcome and
    /// dashboard refresh queue messages, payment-intent index entry, dues agenda entry, dashboard list move before
    /// and after, member write). The dashboard totals follow off the request's path (ADR 0006); before, they cost 3
    /// more at sign-up (contribution read, shard row read, transaction) and 5 more at activation.
    /// </summary>
    [Fact]
    public async Task Storage_transactions_for_sign_up_and_activation()
    {
        await using var host = await MembershipTestHost.StartAsync(Start);

        // Warm-up: the first use in a process creates tables and queues.
        var warm = await SignUpWithKeyAsync(host, $"warm.{Guid.NewGuid():N}@example.de");
        await host.PostJsonAsync($"/dev/stripe/checkout/{new Uri(warm["checkoutUrl"]!.GetValue<string>()).Segments[^1]}/complete",
            new { outcome = "succeeded", paymentMethod = "card" });

        JsonObject created = null!;
        var signUp = await host.Counter.MeasureAsync(async () => created = await SignUpWithKeyAsync(host, $"dora.{Guid.NewGuid():N}@example.de"));
        // Includes the dashboard member list: one entity-group transaction before the member insert, one after.
        Assert.True(signUp.Count == 9, string.Join("; ", signUp));
        Assert.Equal(2, signUp.Count(t => t.Path.EndsWith("/$batch", StringComparison.Ordinal)));
        Assert.Single(signUp, t => t.Path.EndsWith("/projections/messages", StringComparison.Ordinal));
        Assert.Single(signUp, t => t.Method == "DELETE" && t.Path.Contains("/MemberIndex(", StringComparison.Ordinal));

        var sessionId = new Uri(created["checkoutUrl"]!.GetValue<string>()).Segments[^1];
        var activation = await host.Counter.MeasureAsync(() =>
            host.PostJsonAsync($"/dev/stripe/checkout/{sessionId}/complete", new { outcome = "succeeded", paymentMethod = "card" }));
        // Activation moves the member in the dashboard list (pending → active with a due date): 2 of the 9.
        Assert.True(activation.Count == 9, string.Join("; ", activation));
        Assert.Equal(3, activation.Count(t => t.Path.Contains("/messages", StringComparison.Ordinal)));
        Assert.Single(activation, t => t.Path.EndsWith("/projections/messages", StringComparison.Ordinal));
        Assert.Single(activation, t => t.Method == "PUT" && t.Path.Contains("/DuesAgenda(", StringComparison.Ordinal));
    }

    private static async Task<JsonObject> SignUpWithKeyAsync(MembershipTestHost host, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/memberships") { Content = JsonContent.Create(SignUp(email)) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await host.Http.SendAsync(request);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    internal static async Task<string> ActiveMemberAsync(MembershipTestHost host, string email)
    {
        var created = await host.PostJsonAsync("/api/memberships", SignUp(email));
        var sessionId = new Uri(created["checkoutUrl"]!.GetValue<string>()).Segments[^1];
        await host.PostJsonAsync($"/dev/stripe/checkout/{sessionId}/complete", new { outcome = "succeeded", paymentMethod = "card" });
        return created["memberId"]!.GetValue<string>();
    }

    private static async Task<MembershipStatus> StatusAsync(MembershipTestHost host, string memberId) =>
        (await host.Service<IMemberRepository>().GetAsync(memberId, default))!.Member.Status;

    private static Uri LinkIn(string text, string memberId)
    {
        var start = text.IndexOf("http", text.IndexOf($"/api/memberships/{memberId}/cancel", StringComparison.Ordinal) - 60, StringComparison.Ordinal);
        var end = text.IndexOfAny([' ', '\n'], start);
        return new Uri(text[start..end]);
    }
}
