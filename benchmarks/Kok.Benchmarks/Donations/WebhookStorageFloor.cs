using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Kok.Benchmarks.Donations;

/// <summary>
/// The storage work of a webhook without any app code: what the webhook's throughput could reach on this machine if
/// the app cost nothing. Two floors, each at the webhook's concurrency:
/// <list type="bullet">
/// <item>the webhook's own path done raw: the same five round trips in the same order (read the donation, the
/// receipt-mail and the projections message, insert the payment reference, replace the donation on its ETag);</item>
/// <item>one queue message carrying the event, the least that any webhook keeping an event before it answers must
/// do (the design that answers at once and processes the event later from a queue).</item>
/// </list>
/// Both run on the scratch table's rows, which by then are as many as the app's tables hold, so each round trip costs
/// the emulator what the app's does.
/// </summary>
internal sealed class WebhookStorageFloor(string storageConnectionString, TableServiceClient tables)
{
    // As long as the app's messages: a receipt-mail request and a projections message (ids only, ADR 0006).
    private const string MailMessage = """{"kind":"donation","donationId":"don_0123456789abcdef0123456789ab","paymentId":"pi_0123456789abcdef01234567","reason":"paid"}""";
    private const string ProjectionMessage = """{"aggregate":"donation","id":"don_0123456789abcdef0123456789ab","revision":3}""";

    public async Task<(TimeSpan Path, TimeSpan OneMessage)> RunAsync(
        TableClient scratch, IReadOnlyList<string> storedKeys, IReadOnlyList<string> events, int senders, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var references = tables.GetTableClient("BenchRefs" + suffix);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64, Retry = { MaxRetries = 3 } };
        var mail = new QueueClient(storageConnectionString, "bench-mail-" + suffix, options);
        var projections = new QueueClient(storageConnectionString, "bench-projections-" + suffix, options);
        var inbox = new QueueClient(storageConnectionString, "bench-events-" + suffix, options);
        await references.CreateAsync(cancellationToken);
        await Task.WhenAll(
            mail.CreateAsync(cancellationToken: cancellationToken),
            projections.CreateAsync(cancellationToken: cancellationToken),
            inbox.CreateAsync(cancellationToken: cancellationToken));
        try
        {
            Settle();
            var path = await Concurrently.RunAsync(storedKeys.Count, senders, async i =>
            {
                var key = storedKeys[i];
                var donation = (await scratch.GetEntityAsync<TableEntity>(key, key, cancellationToken: cancellationToken)).Value;
                await mail.SendMessageAsync(MailMessage, cancellationToken);
                await projections.SendMessageAsync(ProjectionMessage, cancellationToken);
                await references.AddEntityAsync(new TableEntity("ref-" + key, "ref-" + key) { ["Owner"] = key }, cancellationToken);
                donation["Status"] = "paid";
                await scratch.UpdateEntityAsync(donation, donation.ETag, TableUpdateMode.Replace, cancellationToken);
            });

            Settle();
            var oneMessage = await Concurrently.RunAsync(events.Count, senders, i => inbox.SendMessageAsync(events[i], cancellationToken));
            return (path, oneMessage);
        }
        finally
        {
            await references.DeleteAsync(CancellationToken.None);
            await Task.WhenAll(
                mail.DeleteIfExistsAsync(CancellationToken.None),
                projections.DeleteIfExistsAsync(CancellationToken.None),
                inbox.DeleteIfExistsAsync(CancellationToken.None));
        }
    }

    /// <summary>As <see cref="DonationsBenchmark"/> does before each timed phase: earlier phases' garbage is not billed here.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
