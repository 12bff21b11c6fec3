using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kok.DevHost.SendGrid;
using Kok.Domain.Mail;
using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Tests.SendGrid;

/// <summary>/dev/mail keeps a configurable number of mails (DevHost:MaxMails) and says when it dropped older ones.</summary>
public sealed class SendGridOutboxLimitTests
{
    [Fact]
    public void The_outbox_keeps_the_configured_number_and_counts_what_it_dropped_until_cleared()
    {
        var store = new SendGridMailStore(3);

        for (var i = 0; i < 5; i++)
        {
            store.Add(Mail($"m{i}"));
        }

        Assert.Equal(["m4", "m3", "m2"], store.All().Select(m => m.Id));
        Assert.Equal(2, store.Dropped);
        store.Clear();
        Assert.Equal(0, store.Dropped);
    }

    [Theory]
    [InlineData(null, SendGridMailStore.Capacity)]
    [InlineData("20", 20)]
    [InlineData("1", 1)]
    public void Max_mails_comes_from_the_setting_or_defaults_to_500(string? setting, int expected)
    {
        Assert.Equal(500, SendGridMailStore.Capacity);
        Assert.Equal(expected, SendGridMailStore.CapacityFrom(Configuration(setting)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void Max_mails_below_one_or_not_a_number_is_refused_naming_the_setting(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SendGridMailStore.CapacityFrom(Configuration(setting)));

        Assert.Contains("DevHost:MaxMails", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_mail_says_in_the_page_and_in_headers_how_many_mails_were_dropped()
    {
        await using var host = await SendGridStandInHost.StartAsync(new Dictionary<string, string?> { ["DevHost:MaxMails"] = "2" });
        foreach (var subject in new[] { "Eins", "Zwei", "Drei", "Vier" })
        {
            Assert.IsType<MailSent>(await host.Sender.SendAsync(
                new MailMessage(new MailRecipient("anna@example.org", "Anna"), subject, "Text", "<p>Text</p>", []), CancellationToken.None));
        }

        using var json = await host.Http.GetAsync("/dev/mail");
        var list = JsonNode.Parse(await json.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["Vier", "Drei"], list.Select(m => (string)m!["subject"]!));
        Assert.Equal("2", json.Headers.GetValues(DevMailEndpoints.MaxMailsHeader).Single());
        Assert.Equal("2", json.Headers.GetValues(DevMailEndpoints.DroppedHeader).Single());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/mail");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await host.Http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("2 ältere Mails wurden verworfen", html, StringComparison.Ordinal);
        Assert.Contains("2 older mails were dropped", html, StringComparison.Ordinal);
        Assert.Contains("DevHost:MaxMails", html, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? maxMails) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DevHost:MaxMails"] = maxMails }).Build();

    private static ReceivedMail Mail(string id) => new()
    {
        Id = id,
        From = new ReceivedAddress("a@kok.example", null),
        To = [new ReceivedAddress("b@example.org", null)],
        Subject = "S",
        Attachments = [],
        ReceivedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
