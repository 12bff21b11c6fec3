using Microsoft.Extensions.Configuration;
using Stripe;

namespace Kok.Functions.Payments;

/// <summary>
/// Builds a <see cref="StripeClient"/> from configuration at the moment of use, not at startup, so hosts can start
/// without Stripe settings and a development host can point <c>Stripe:ApiBase</c> at a port it learns only once
/// listening. Keys: <c>Stripe:SecretKey</c> (required), <c>Stripe:ApiBase</c> (optional; unset means Stripe itself).
/// The client is reused while those settings stay the same, for at most <see cref="Reuse"/>: building one per call
/// cost about 2 ms of CPU and left Stripe.net's per-client reflection and emitted code to the finalizer (a third of
/// the process's CPU in the donations benchmark); renewing it now and then lets the HTTP client factory rotate its
/// handler (DNS changes) as it would for short-lived clients.
/// </summary>
public sealed class StripeClientProvider(IConfiguration configuration, IHttpClientFactory httpClientFactory, TimeProvider time)
{
    public const string HttpClientName = "Stripe";

    /// <summary>How long one client is reused: the HTTP client factory's default handler lifetime.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromMinutes(2);

    private CachedClient? cached;

    public StripeClient Create()
    {
        var secretKey = configuration["Stripe:SecretKey"];
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new InvalidOperationException("Configuration value 'Stripe:SecretKey' is missing.");
        }

        var apiBase = configuration["Stripe:ApiBase"];
        var current = cached;
        if (current is not null && current.SecretKey == secretKey && current.ApiBase == apiBase && time.GetElapsedTime(current.CreatedAt) < Reuse)
        {
            return current.Client;
        }

        var options = new StripeClientOptions
        {
            ApiKey = secretKey,
            HttpClient = new SystemNetHttpClient(
                httpClientFactory.CreateClient(HttpClientName),
                maxNetworkRetries: 2,
                appInfo: null,
                enableTelemetry: false),
        };

        if (!string.IsNullOrWhiteSpace(apiBase))
        {
            // Stripe.net appends "/v1/..." to the base; a trailing slash would produce "//v1".
            options.ApiBase = apiBase.TrimEnd('/');
        }

        var client = new StripeClient(options);
        cached = new CachedClient(secretKey, apiBase, time.GetTimestamp(), client);
        return client;
    }

    /// <summary>Replaced as a whole, so concurrent callers see a consistent client with its settings.</summary>
    private sealed record CachedClient(string SecretKey, string? ApiBase, long CreatedAt, StripeClient Client);
}
