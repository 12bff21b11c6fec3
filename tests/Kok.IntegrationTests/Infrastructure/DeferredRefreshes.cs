using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using Kok.Functions.Storage.Saving;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.IntegrationTests.Infrastructure;

/// <summary>
/// Every <see cref="DeferredRefresh"/> message any DevHost or seeder of this test run sent (seen on the wire by
/// <see cref="Recorder"/>), and <see cref="SettleAsync"/>: brings the deferred projections (dashboard totals, list
/// columns; ADR 0006) up to every save made so far, whoever made it.
/// Why not wait for the <c>projections</c> queue to be empty: the queue is shared by all tests running in parallel,
/// so it is rarely empty while they save, and a host stopped in the middle of a receive may leave messages
/// invisible for minutes. Why running the refresh here is sound: it is what the queue function runs, and it is
/// idempotent (revision-guarded), so running it next to the function changes nothing the function would not.
/// That <c>RefreshProjections</c> itself picks the messages up is shown by the Saving tests.
/// </summary>
public static class DeferredRefreshes
{
    /// <summary>How long a save may be in flight before its refresh shows what is stored (as the function does after its put-backs).</summary>
    private static readonly TimeSpan SaveInFlight = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Recorded messages by the queue service they went to ("127.0.0.1:10001"; some tests have an Azurite of their own).</summary>
    private static readonly ConcurrentDictionary<(string Service, DeferredRefresh Refresh), long> Pending = new();

    /// <summary>Add to every storage client's pipeline (DevHostServer does so for every host).</summary>
    public static HttpPipelinePolicy Recorder { get; } = new RecordingPolicy();

    /// <summary>
    /// Runs the refresh of every message recorded so far on <paramref name="storageConnectionString"/>'s queues, with
    /// <paramref name="services"/>' refreshers (a host on that storage).
    /// </summary>
    public static async Task SettleAsync(IServiceProvider services, string storageConnectionString)
    {
        var refreshers = services.GetServices<IAggregateRefresh>().ToDictionary(a => a.Aggregate, StringComparer.Ordinal);
        var service = ServiceOf(new Azure.Storage.Queues.QueueClient(storageConnectionString, DeferredRefresh.QueueName).Uri);
        var due = Pending.Keys.Where(key => key.Service == service).ToHashSet();
        await Eventually.WaitUntilAsync(
            async () =>
            {
                var finished = new ConcurrentBag<(string, DeferredRefresh)>();
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (refresh, _) =>
                {
                    if (await TryRefreshAsync(refreshers, refresh))
                    {
                        finished.Add(refresh);
                    }
                });
                foreach (var refresh in finished)
                {
                    due.Remove(refresh);
                    Pending.TryRemove(refresh, out _);
                }

                return due.Count == 0;
            },
            "every recorded deferred refresh went through",
            Limit);
    }

    private static string ServiceOf(Uri queue) => $"{queue.Host}:{queue.Port}";

    private static async Task<bool> TryRefreshAsync(Dictionary<string, IAggregateRefresh> refreshers, (string Service, DeferredRefresh Refresh) key)
    {
        var refresh = key.Refresh;
        if (!refreshers.TryGetValue(refresh.Aggregate, out var refresher) || !Pending.TryGetValue(key, out var sent))
        {
            return true;
        }

        try
        {
            await refresher.RefreshAsync(refresh.Id, refresh.Revision, Stopwatch.GetElapsedTime(sent) > SaveInFlight, CancellationToken.None);
            return true;
        }
        catch (Exception)
        {
            // Not stored yet (the save is still in flight), or a conflict with the queue function refreshing the same
            // row: try again, as the function's host would.
            return false;
        }
    }

    /// <summary>Records the message of every "put message" request on the <c>projections</c> queue (Base64 XML body).</summary>
    private sealed class RecordingPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var request = message.Request;
            if (request.Method != RequestMethod.Post
                || !request.Uri.Path.EndsWith($"/{DeferredRefresh.QueueName}/messages", StringComparison.Ordinal)
                || request.Content is not { } content)
            {
                return;
            }

            using var body = new MemoryStream();
            content.WriteTo(body, CancellationToken.None);
            body.Position = 0;
            var text = XDocument.Load(body).Root?.Element("MessageText")?.Value;
            if (text is not null && DeferredRefresh.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text))) is { } refresh)
            {
                Pending.TryAdd((ServiceOf(request.Uri.ToUri()), refresh), Stopwatch.GetTimestamp());
            }
        }
    }
}
