using System.Text.Json;
using Kok.Domain.Dashboard;
using Kok.Functions.Donations;
using Kok.Functions.Health;
using Kok.Functions.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Stripe;
using Stripe.Checkout;

namespace Kok.Functions.Startup;

/// <summary>
/// Runs, while the host starts and after <see cref="StorageProvisioning"/>, the code the first requests would
/// otherwise JIT-compile while a person waits: a table query and the queue reads (the health check and the
/// dashboard summary, both read-only), the serializer for the answers (<see cref="KokJson"/>), the donation form's
/// reader, and Stripe.net's reader for the checkout sessions and events it gets back. Nothing is written. Bounded by
/// <see cref="Budget"/>; storage away only skips the reads.
/// </summary>
public sealed partial class RequestPathWarmUp(
    StorageHealthCheck health,
    GetDashboardSummary summary,
    ILogger<RequestPathWarmUp> logger) : IHostedService
{
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private const string SampleDonation = """
        {"amount":5,"currency":"EUR","interval":"once","paymentMethod":"card","wantsReceipt":false,"locale":"de",
         "website":"","donor":{"name":"Warm Up","email":"warm-up@example.org"}}
        """;

    private const string SampleSession = """
        {"id":"cs_warmup","object":"checkout.session","mode":"payment","status":"open","url":"https://checkout.example/cs_warmup",
         "metadata":{"donationId":"warmup"},"amount_total":500,"currency":"eur"}
        """;

    private const string SampleEvent = """
        {"id":"evt_warmup","object":"event","type":"checkout.session.completed","api_version":"2025-01-01","created":0,
         "livemode":false,"data":{"object":{"id":"cs_warmup","object":"checkout.session","mode":"payment"}}}
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            using (var form = JsonDocument.Parse(SampleDonation))
            {
                _ = DonationFormReader.Read(form.RootElement);
            }

            _ = StripeEntity.FromJson<Session>(SampleSession);
            _ = EventUtility.ParseEvent(SampleEvent, throwOnApiVersionMismatch: false);
            if (await health.IsReachableAsync(budget.Token))
            {
                _ = JsonSerializer.SerializeToUtf8Bytes(await summary.ExecuteAsync(null, budget.Token), KokJson.Options);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A warm-up that fails costs the first request its speed, nothing else.
            LogWarmUpFailed(logger, ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up at start stopped early ({Reason}); the first requests compile the rest.")]
    private static partial void LogWarmUpFailed(ILogger logger, string reason);
}
