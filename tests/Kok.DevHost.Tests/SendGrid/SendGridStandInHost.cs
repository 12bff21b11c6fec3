using System.Text;
using System.Text.Json.Nodes;
using Kok.Domain.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.DevHost.Tests.SendGrid;

/// <summary>The real DevHost on a free loopback port; its composition root's real SendGrid adapter sends to the stand-in.</summary>
internal sealed class SendGridStandInHost : IAsyncDisposable
{
    public const string ApiKey = "SG.standin-tests.0001";
    public const string FromEmail = "spenden@kok.example";

    private SendGridStandInHost(WebApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public HttpClient Http { get; private set; } = null!;

    public IMailSender Sender => App.Services.GetRequiredService<IMailSender>();

    public static async Task<SendGridStandInHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        var app = DevHostApp.Create(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["SendGrid:ApiKey"] = ApiKey,
                    ["SendGrid:FromEmail"] = FromEmail,
                    ["SendGrid:FromName"] = "KOK e.V.",
                    ["SendGrid:ReplyTo"] = "info@kok.example",

                    // Only an HTTP function: no queue listener may pick up other tests' mail messages from the
                    // shared Azurite and send them into this outbox.
                    ["AzureFunctionsJobHost:functions:0"] = "Health",
                });
                builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
                builder.Services.AddSingleton<TimeProvider>(clock);
            });

        var host = new SendGridStandInHost(app, clock);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = address.TrimEnd('/');
        host.Http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        return host;
    }

    /// <summary>Posts a raw body to mail/send, as any client (or a broken one) would.</summary>
    public async Task<HttpResponseMessage> PostMailAsync(string body, string? apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/sendgrid/v3/mail/send")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonArray> InboxAsync() => (JsonArray)JsonNode.Parse(await Http.GetStringAsync("/dev/mail"))!;

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
