using Microsoft.Extensions.Configuration;
using Stripe;

namespace Kok.Functions.Payments;

/// <summary>
/// Builds a <see cref="StripeClient"/> from configuration at the moment of use, not at startup, so hosts can start
/// without Stripe settings and a development host can point <c>Stripe:ApiBase</c> at a port it learns only once
/// listening. Keys: <c>Stripe:SecretKey</c> (required), <c>Stripe:ApiBase</c> (optional; unset means Stripe itself).
/// </summary>
public sealed class StripeClientProvider(IConfiguration configuration, IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "Stripe";

    public StripeClient Create()
    {
        var secretKey = configuration["Stripe:SecretKey"];
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new InvalidOperationException("Configuration value 'Stripe:SecretKey' is missing.");
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

        var apiBase = configuration["Stripe:ApiBase"];
        if (!string.IsNullOrWhiteSpace(apiBase))
        {
            // Stripe.net appends "/v1/..." to the base; a trailing slash would produce "//v1".
            options.ApiBase = apiBase.TrimEnd('/');
        }

        return new StripeClient(options);
    }
}
