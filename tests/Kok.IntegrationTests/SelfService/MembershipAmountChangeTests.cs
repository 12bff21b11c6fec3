using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.SelfService;

/// <summary>
/// A member sets a new annual amount on "Mein KOK", through a DevHost with every function (dues run, queues, Stripe
/// stand-in) on an Azurite of its own: the next year's pre-notification and charge use it.
/// </summary>
public sealed class MembershipAmountChangeTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>
{
    [Fact]
    public async Task A_new_annual_amount_is_charged_by_the_next_dues_run_and_confirmed_by_mail()
    {
        await using var host = await MeinKokHost.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.OnlyFunctions.Clear();
        });
        var email = MeinKokHost.NewEmail();
        var memberId = await DevHostMembers.SignUpAndPayAsync(host.Server, email);
        await DevHostMembers.MailsToAsync(host.Server, email, 2);
        var browser = await host.SignedInBrowserAsync(email, mailCount: 3);

        using var tooLow = await MeinKokHost.PostAsync(browser, $"api/me/memberships/{memberId}/amount", new { annualAmount = 49.99 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLow.StatusCode);
        Assert.Contains("annualAmount", DonationApi.ErrorFields(await DonationApi.ProblemAsync(tooLow)));
        using var changed = await MeinKokHost.PostAsync(browser, $"api/me/memberships/{memberId}/amount", new { annualAmount = 80 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var membership = (await MeinKokHost.OverviewAsync(browser))["memberships"]!.AsArray().Single()!;
        Assert.Equal(8000, (long)membership["annualAmountCents"]!);
        var confirmation = (await DevHostMembers.MailsToAsync(host.Server, email, 4))[^1];
        Assert.Equal("Ihr Jahresbeitrag wurde geändert", (string)confirmation["subject"]!);
        Assert.Contains("80,00 €", (string)confirmation["text"]!, StringComparison.Ordinal);

        var stranger = await host.SignedInBrowserAsync(await StrangerAsync(host));
        using var foreign = await MeinKokHost.PostAsync(stranger, $"api/me/memberships/{memberId}/amount", new { annualAmount = 500 });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        await DevHostMembers.RunDuesSchedulerAsync(host.Server, host.Clock, new DateTimeOffset(2027, 2, 15, 5, 0, 0, TimeSpan.Zero));
        var notice = (await DevHostMembers.MailsToAsync(host.Server, email, 5))[^1];
        Assert.Contains("80,00", (string)notice["text"]!, StringComparison.Ordinal);
        await DevHostMembers.RunDuesSchedulerAsync(host.Server, host.Clock, new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero));
        await DevHostMembers.MailsToAsync(host.Server, email, 6);
        var charges = (await host.Server.Client.GetFromJsonAsync<JsonObject>($"dev/stripe/payment_intents?memberId={memberId}"))!["data"]!.AsArray();
        Assert.Equal(8000, (long)Assert.Single(charges)!["amount"]!);
    }

    private static async Task<string> StrangerAsync(MeinKokHost host)
    {
        var email = MeinKokHost.NewEmail("max");
        await host.DonateAsync(email);
        return email;
    }
}
