using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;

namespace Kok.IntegrationTests.BankTransfers;

/// <summary>Members paying by bank transfer: sign-up, the statement that pays their dues, staff assigning an entry to dues.</summary>
public sealed partial class BankTransferThroughDevHostTests
{
    [Fact]
    public async Task A_statement_pays_a_transfer_member_and_a_transfer_donation_once_and_staff_assign_the_unknown_entry_to_a_member_s_dues()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var member = await TransferMemberAsync($"dues-first-{tag}@example.org", "Verein Überweisung");
        var other = await TransferMemberAsync($"dues-other-{tag}@example.org", "Verein Nachzahler");
        var donation = await TransferAsync(25m, $"dues-donor-{tag}@example.org");
        var memberCode = $"beitrag {member.Code[..3].ToLowerInvariant()} {member.Code[4..8].ToLowerInvariant()} {member.Code[9..].ToLowerInvariant()}";
        var file = Camt053(
            ("CRDT", 60_00, "MEM1" + tag, "Verein Überweisung", "DE89370400440532013000", memberCode),
            ("CRDT", 25_00, "DON1" + tag, "Dora Spenderin", "DE44500105175407324931", $"Spende {donation.Code}"),
            ("CRDT", 60_00, "UNK1" + tag, "Nachzahler " + tag, "DE12500105170648489890", "Jahresbeitrag"),
            ("CRDT", 25_00, "DON1" + tag, "Dora Spenderin", "DE44500105175407324931", $"Spende {donation.Code}"));

        using var response = await UploadMultipartAsync(file, "members.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var matched = result["matched"]!.AsArray();
        Assert.Equal(2, matched.Count);
        Assert.Equal(member.MemberId, (string)matched[0]!["memberId"]!);
        Assert.Equal(donation.DonationId, (string)matched[1]!["donationId"]!);
        Assert.Single(result["alreadyKnown"]!.AsArray());
        Assert.Single(result["unmatched"]!.AsArray());
        Assert.Equal("active", await MemberStatusAsync(member.MemberId));
        Assert.Equal("paid", await _api.StatusAsync(donation.DonationId));

        // Receipts: the member's dues receipt with its welcome, the donor's thank-you with the receipt.
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(member.Email)).Count == 3, "instructions, welcome and dues receipt");
        Assert.Single(await MailsToAsync(member.Email), m => m["attachments"]!.AsArray().Count == 1);
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync($"dues-donor-{tag}@example.org")).Count == 2, "instructions and thank-you");
        Assert.Single(await MailsToAsync($"dues-donor-{tag}@example.org"), m => m["attachments"]!.AsArray().Count == 1);

        // The same file again: nothing new.
        using var again = await UploadRawAsync(file, "application/xml");
        var repeat = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Empty(repeat["matched"]!.AsArray());
        Assert.Empty(repeat["unmatched"]!.AsArray());
        Assert.Equal(4, repeat["alreadyKnown"]!.AsArray().Count);

        // Staff assign the unknown entry to the other member's dues: bad input first, then the decision, then a second one.
        var identity = await UnmatchedIdentityAsync("Nachzahler " + tag);
        using (var bad = await DecideAsync(identity, new { decision = "assign_dues", memberId = "mem_nope" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["memberId"]);
        }

        Assert.Equal("pending", await MemberStatusAsync(other.MemberId));
        using var decided = await DecideAsync(identity, new { decision = "assign_dues", memberId = other.MemberId });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var answer = (await decided.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("assigned_dues", other.MemberId), ((string)answer["decision"]!, (string)answer["memberId"]!));
        Assert.Equal("active", await MemberStatusAsync(other.MemberId));
        await Eventually.WaitUntilAsync(async () => (await MailsToAsync(other.Email)).Count == 3, "instructions, welcome and dues receipt of the other member");
        using var second = await DecideAsync(identity, new { decision = "new_donation" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Null(await UnmatchedIdentityOrNullAsync("Nachzahler " + tag));

        await DrainedAsync();
        Assert.Equal(3, (await MailsToAsync(member.Email)).Count);
        Assert.DoesNotContain("Nachzahler", _logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("DE89370400440532013000", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_make_a_new_donation_from_the_payer_of_an_unknown_entry_paid_without_mail()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var file = Camt053(("CRDT", 33_00, "NEW1" + tag, "Neue Spenderin " + tag, "DE75512108001245126199", "fuer eure Arbeit"));
        using (var imported = await UploadMultipartAsync(file, "new.xml"))
        {
            Assert.Single((await imported.Content.ReadFromJsonAsync<JsonObject>())!["unmatched"]!.AsArray());
        }

        var identity = await UnmatchedIdentityAsync("Neue Spenderin " + tag);
        using var decided = await DecideAsync(identity, new { decision = "new_donation" });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var donationId = (string)(await decided.Content.ReadFromJsonAsync<JsonObject>())!["donationId"]!;
        Assert.Equal("paid", await _api.StatusAsync(donationId));
        Assert.Null(await UnmatchedIdentityOrNullAsync("Neue Spenderin " + tag));
        await DrainedAsync();
        var mails = (await _server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!;
        Assert.DoesNotContain(mails, m => ((string?)m!["to"]![0]) is { } to && to.EndsWith(".invalid", StringComparison.Ordinal));
    }

    private async Task<(string MemberId, string Code, string Email)> TransferMemberAsync(string email, string name)
    {
        using var response = await _server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp(email, "bank_transfer", name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(created["checkoutUrl"]);
        var transfer = created["bankTransfer"]!.AsObject();
        Assert.Equal(("DE02 1203 0000 0000 2020 51", 60_00L), ((string)transfer["iban"]!, (long)transfer["amountCents"]!));
        Assert.StartsWith("<svg", (string)transfer["giroCodeSvg"]!, StringComparison.Ordinal);
        var code = (string)transfer["referenceCode"]!;
        var mail = await SingleMailToAsync(email);
        Assert.Contains(code, (string)mail["subject"]!, StringComparison.Ordinal);
        Assert.Contains("DE02 1203 0000 0000 2020 51", (string)mail["text"]!, StringComparison.Ordinal);
        return ((string)created["memberId"]!, code, email);
    }

    private Task<string> MemberStatusAsync(string memberId) => DevHostMembers.StatusAsync(_server, memberId, DonationApi.StaffToken);
}
