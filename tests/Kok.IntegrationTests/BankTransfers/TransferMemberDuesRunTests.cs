using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Membership;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.BankTransfers;

/// <summary>
/// The yearly dues of a member paying by bank transfer, through DevHost on a fake clock: the dues run mails a payment
/// request with the member's reference code instead of the SEPA pre-notification, charges nothing at the Stripe
/// stand-in on the due day, and the member stays overdue until the money comes.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class TransferMemberDuesRunTests
{
    [Fact]
    public async Task The_dues_run_sends_a_transfer_member_a_payment_request_with_the_code_and_charges_nothing()
    {
        // The sign-up day is the statement's booking day (4 December), so the member is paid from then on.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.Settings["BankAccount:Holder"] = "KOK e.V.";
            o.Settings["BankAccount:Iban"] = "DE02 1203 0000 0000 2020 51";
        });
        var email = $"dues-run-{Guid.NewGuid():N}@example.org";
        using var signUp = await server.Client.PostAsJsonAsync("api/memberships", MembershipFlowTests.SignUp(email, "bank_transfer", "Verein Jahreslauf"));
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var created = (await signUp.Content.ReadFromJsonAsync<JsonObject>())!;
        var memberId = (string)created["memberId"]!;
        var code = (string)created["bankTransfer"]!["referenceCode"]!;
        await DevHostMembers.MailContainingAsync(server, email, code);
        var statement = BankTransferThroughDevHostTests.Camt053(
            ("CRDT", 60_00, "RUN" + Guid.NewGuid().ToString("N")[..12], "Verein Jahreslauf", "DE89370400440532013000", "Beitrag " + code));
        using (var upload = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/bank/statements") { Content = new StringContent(statement, System.Text.Encoding.UTF8, "application/xml") })
        {
            upload.Headers.Authorization = new("Bearer", DonationApi.StaffToken);
            using var imported = await server.Client.SendAsync(upload);
            Assert.Single((await imported.Content.ReadFromJsonAsync<JsonObject>())!["matched"]!.AsArray());
        }

        await DevHostMembers.MailsToAsync(server, email, 3);

        // Fourteen days before the next dues (4 December 2027): the payment request with account and code.
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2027, 11, 20, 4, 0, 0, TimeSpan.Zero));
        var request = (await DevHostMembers.MailsToAsync(server, email, 4))[^1];
        Assert.Contains("überweisen", (string)request["subject"]!, StringComparison.Ordinal);
        Assert.Contains(code, (string)request["text"]!, StringComparison.Ordinal);
        Assert.Contains("DE02 1203 0000 0000 2020 51", (string)request["text"]!, StringComparison.Ordinal);

        // The due day: no charge at Stripe; the dues stay open and the member is overdue.
        await DevHostMembers.RunDuesSchedulerAsync(server, clock, new DateTimeOffset(2027, 12, 4, 4, 0, 0, TimeSpan.Zero));
        await Eventually.WaitUntilAsync(async () => await DevHostMembers.StatusAsync(server, memberId, DonationApi.StaffToken) == "overdue", "the member to be overdue");
        var intents = (await server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/payment_intents?memberId={memberId}"))!["data"]!.AsArray();
        Assert.Empty(intents);
        Assert.Equal(4, (await DevHostMembers.MailsToAsync(server, email, 4)).Count);
    }
}
