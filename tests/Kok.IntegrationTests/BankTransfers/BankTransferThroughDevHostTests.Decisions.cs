using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.BankTransfers;

/// <summary>Staff decide about the entries a statement import left unmatched: assign, or not a donation; each once.</summary>
public sealed partial class BankTransferThroughDevHostTests
{
    [Fact]
    public async Task Staff_assign_an_unknown_entry_to_a_pending_transfer_donation_which_becomes_paid_with_its_receipt_once()
    {
        var donation = await TransferAsync(30m, "assign-first@example.org");
        var reference = "ASSIGN" + Guid.NewGuid().ToString("N")[..12];
        var file = Camt053(("CRDT", 30_00, reference, "Zahler Zuordnung", "DE75512108001245126199", "Spende fuer euch"));
        using (var imported = await UploadMultipartAsync(file, "assign.xml"))
        {
            Assert.Single((await imported.Content.ReadFromJsonAsync<JsonObject>())!["unmatched"]!.AsArray());
        }

        var identity = await UnmatchedIdentityAsync("Zahler Zuordnung");

        using var decided = await DecideAsync(identity, new { decision = "assign", donationId = donation.DonationId });

        var answer = await decided.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("assigned", (string)JsonNode.Parse(answer)!["decision"]!);
        Assert.Equal("paid", await _api.StatusAsync(donation.DonationId));
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync("assign-first@example.org")).Count == 2, "instructions and thank-you");
        var thanks = Assert.Single(await MailsToAsync("assign-first@example.org"), m => m["attachments"]!.AsArray().Count == 1);
        Assert.Equal("application/pdf", (string)thanks["attachments"]![0]!["type"]!);
        Assert.Null(await UnmatchedIdentityOrNullAsync("Zahler Zuordnung"));

        // The same decision again, and any other one: 409, nothing new.
        using var again = await DecideAsync(identity, new { decision = "assign", donationId = donation.DonationId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains(donation.DonationId, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var other = await DecideAsync(identity, new { decision = "not_a_donation" });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        await DrainedAsync();
        Assert.Equal(2, (await MailsToAsync("assign-first@example.org")).Count);

        // The same file again knows the entry as matched.
        using var reimported = await UploadRawAsync(file, "application/xml");
        var known = Assert.Single((await reimported.Content.ReadFromJsonAsync<JsonObject>())!["alreadyKnown"]!.AsArray())!;
        Assert.Contains("zugeordnet", (string)known["explanationDe"]!, StringComparison.Ordinal);

        Assert.DoesNotContain("DE75512108001245126199", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("DE75512108001245126199", _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Zahler Zuordnung", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_a_donation_excludes_the_entry_from_the_list_and_a_second_decision_is_a_409()
    {
        var reference = "GRANT" + Guid.NewGuid().ToString("N")[..12];
        var file = Camt053(("CRDT", 5000_00, reference, "Bundesministerium Zuwendung", "DE02100100100006820101", "Zuwendung 2026 Rate 4"));
        using (var imported = await UploadMultipartAsync(file, "grant.xml"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var identity = await UnmatchedIdentityAsync("Bundesministerium Zuwendung");

        using var decided = await DecideAsync(identity, new { decision = "not_a_donation" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("excluded", (string)(await decided.Content.ReadFromJsonAsync<JsonObject>())!["decision"]!);
        Assert.Null(await UnmatchedIdentityOrNullAsync("Bundesministerium Zuwendung"));
        using var again = await DecideAsync(identity, new { decision = "not_a_donation" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var reimported = await UploadRawAsync(file, "application/xml");
        var known = Assert.Single((await reimported.Content.ReadFromJsonAsync<JsonObject>())!["alreadyKnown"]!.AsArray())!;
        Assert.Contains("keine Spende", (string)known["explanationDe"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_decisions_are_400s_naming_the_field_and_leave_the_entry_in_the_list_and_only_staff_may_decide()
    {
        using var card = await _api.PostAsync(DonationApi.Body(amount: 12m, email: "decision-card@example.org"));
        var cardDonation = (string)(await card.Content.ReadFromJsonAsync<JsonObject>())!["donationId"]!;
        var reference = "BAD" + Guid.NewGuid().ToString("N")[..12];
        using (var imported = await UploadMultipartAsync(Camt053(("CRDT", 12_00, reference, "Zahler Falsch", "DE12500105170648489890", "ohne Code")), "bad.xml"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        var identity = await UnmatchedIdentityAsync("Zahler Falsch");
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { decision = "maybe" }, "decision"),
            (new { decision = 3 }, "decision"),
            (new { decision = "assign" }, "donationId"),
            (new { decision = "assign", donationId = "don_unknown" }, "donationId"),
            (new { decision = "assign", donationId = "don_" + new string('a', 26) }, "donationId"),
            (new { decision = "assign", donationId = cardDonation }, "donationId"),
        })
        {
            using var response = await DecideAsync(identity, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
        }

        Assert.Equal(identity, await UnmatchedIdentityOrNullAsync("Zahler Falsch"));
        using var unknown = await DecideAsync("ref:" + new string('b', 64), new { decision = "not_a_donation" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var malformed = await DecideAsync("nonsense", new { decision = "not_a_donation" });
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);

        using var anonymous = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/bank/unmatched/{identity}/decision")
        {
            Content = JsonContent.Create(new { decision = "not_a_donation" }),
        };
        using var refused = await _server.Client.SendAsync(anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(identity, await UnmatchedIdentityOrNullAsync("Zahler Falsch"));
    }

    [Fact]
    public async Task A_later_entry_without_a_code_from_a_known_account_suggests_the_supporter_and_changes_nothing_by_itself()
    {
        const string payerIban = "DE91100000000123456789";
        var first = await TransferAsync(20m, "suggest-first@example.org");
        var second = await TransferAsync(20m, "suggest-first@example.org");
        var tag = Guid.NewGuid().ToString("N")[..10];
        using (var matched = await UploadMultipartAsync(Camt053(("CRDT", 20_00, "SUGA" + tag, "Vorschlag Zahlerin", payerIban, $"Spende {first.Code}")), "a.xml"))
        {
            Assert.Single((await matched.Content.ReadFromJsonAsync<JsonObject>())!["matched"]!.AsArray());
        }

        using var later = await UploadMultipartAsync(Camt053(("CRDT", 20_00, "SUGB" + tag, "Vorschlag Zahlerin", "DE91 1000 0000 0123 4567 89", "noch eine Spende")), "b.xml");

        var unmatched = Assert.Single((await later.Content.ReadFromJsonAsync<JsonObject>())!["unmatched"]!.AsArray())!;
        Assert.Contains(first.DonationId, (string)unmatched["explanationDe"]!, StringComparison.Ordinal);
        using var list = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/bank/unmatched");
        list.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        using var listed = await _server.Client.SendAsync(list);
        var listText = await listed.Content.ReadAsStringAsync();
        var item = JsonNode.Parse(listText)!["items"]!.AsArray().Single(i => (string?)i!["payerName"] == "Vorschlag Zahlerin")!;
        Assert.Equal(first.DonationId, (string)item["suggestedDonationId"]!);
        Assert.Contains("Suggestion", (string)item["explanationEn"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789", listText, StringComparison.Ordinal);
        Assert.Equal("pending", await _api.StatusAsync(second.DonationId));
    }

    private async Task<HttpResponseMessage> DecideAsync(string identity, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/bank/unmatched/{identity}/decision") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        return await _server.Client.SendAsync(request);
    }

    private async Task<string> UnmatchedIdentityAsync(string payerName) =>
        await UnmatchedIdentityOrNullAsync(payerName) ?? throw new InvalidOperationException("The entry is not in the unmatched list.");

    private async Task<string?> UnmatchedIdentityOrNullAsync(string payerName)
    {
        using var list = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/bank/unmatched");
        list.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DonationApi.StaffToken);
        using var listed = await _server.Client.SendAsync(list);
        var item = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!["items"]!.AsArray().SingleOrDefault(i => (string?)i!["payerName"] == payerName);
        return (string?)item?["identity"];
    }
}
