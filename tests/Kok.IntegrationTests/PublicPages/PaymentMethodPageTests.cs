using System.Net;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.PublicPages;

/// <summary>
/// <c>GET /payment-method</c> through DevHost, without any sign-in: the page the failed-payment mails link to says,
/// in German or English, to contact the office, with the e-mail and postal address from the organisation settings;
/// a setting still unconfigured is left out, never shown as its placeholder.
/// </summary>
public sealed class PaymentMethodPageTests
{
    private static readonly Dictionary<string, string> Office = new()
    {
        ["Organisation:ContactEmail"] = "spenden@example.org",
        ["Organisation:AddressLines:0"] = "Kurfürstenstraße 33",
        ["Organisation:AddressLines:1"] = "10785 Berlin",
    };

    [Theory]
    [InlineData("payment-method?lang=de", "de", "Neue Zahlungsart mitteilen", "Schreiben Sie dazu bitte unserer Geschäftsstelle an", "payment-method?lang=en")]
    [InlineData("payment-method", "de", "Neue Zahlungsart mitteilen", "Schreiben Sie dazu bitte unserer Geschäftsstelle an", "payment-method?lang=en")]
    [InlineData("payment-method?lang=en", "en", "Giving us a new payment method", "Please write to our office at", "payment-method?lang=de")]
    public async Task The_page_says_how_to_give_a_new_payment_method_in_the_language_asked_for(string path, string lang, string heading, string contact, string other)
    {
        await using var server = await StartAsync(Office);

        using var response = await server.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(contact + " <a id=\"contact-email\" href=\"mailto:spenden@example.org\">spenden@example.org</a>", html, StringComparison.Ordinal);
        Assert.Contains("Kurfürstenstraße 33<br>10785 Berlin</address>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{other}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("token", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unconfigured_contact_settings_are_left_out_rather_than_shown_as_placeholders()
    {
        // DevHost's own settings name an example office: emptied, the defaults' placeholders take their place.
        await using var server = await StartAsync(new()
        {
            ["Organisation:ContactEmail"] = string.Empty,
            ["Organisation:AddressLines:0"] = string.Empty,
            ["Organisation:AddressLines:1"] = string.Empty,
        });

        var html = await server.Client.GetStringAsync("payment-method?lang=en");

        Assert.DoesNotContain("bitte konfigurieren", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<address", html, StringComparison.Ordinal);
        Assert.Contains("Please do not send us card numbers by e-mail.", html, StringComparison.Ordinal);
    }

    private static Task<DevHostServer> StartAsync(Dictionary<string, string> settings) =>
        DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("PaymentMethodPage");
            foreach (var (key, value) in settings)
            {
                o.Settings[key] = value;
            }
        });
}
