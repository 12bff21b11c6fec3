using System.Text.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Common;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Storage;

/// <summary>
/// What a queue function does when its use case says "not yet" (<see cref="NotYetException"/>): the message
/// overtook the save its producer makes right after enqueueing (producers enqueue first, so a crash cannot lose a
/// message), or another worker is on the same mail. Throwing would count as a failed execution and spend one of
/// host.json's <c>maxDequeueCount</c> deliveries, so a slow save could park a good message in the poison queue.
/// Instead a copy goes back on the queue, invisible for a growing delay (1 s, 2 s, 4 s … at most 10 minutes), with
/// its put-back count in the JSON (<see cref="CountProperty"/>, which the parsers ignore), and the current delivery
/// completes. Bounded: after <see cref="MaxPutBacks"/> put-backs (about an hour) the message goes to
/// <c>&lt;queue&gt;-poison</c>, where staff see it: the save never happened (a crash between enqueue and save, after
/// which the provider's redelivery brought a new message of its own) or something is stuck. One round trip.
/// </summary>
public sealed partial class QueuePutBack(StorageClients storage, ILogger<QueuePutBack> logger)
{
    public const string CountProperty = "putBacks";
    public const int MaxPutBacks = 15;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>How long the copy stays invisible after <paramref name="putBacks"/> earlier put-backs.</summary>
    public static TimeSpan DelayAfter(int putBacks) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Max(putBacks, 0)), MaxDelay.TotalSeconds));

    /// <summary>How often <paramref name="message"/> (a JSON object) was put back already; 0 when it never was.</summary>
    public static int CountOf(string message)
    {
        try
        {
            return JsonNode.Parse(message) is JsonObject json
                && json[CountProperty] is JsonValue value
                && value.TryGetValue<int>(out var count) && count > 0
                ? count
                : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Puts <paramref name="message"/> (a JSON object the function could read) back on <paramref name="queueName"/>
    /// for later, or into its poison queue once it was put back <see cref="MaxPutBacks"/> times. True when put back.
    /// </summary>
    public async Task<bool> PutBackAsync(string queueName, string message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        ArgumentNullException.ThrowIfNull(message);
        var count = CountOf(message);
        var json = (JsonObject)JsonNode.Parse(message)!;
        if (count >= MaxPutBacks)
        {
            // Without its count, so a message staff move back from the poison queue gets its full hour again.
            LogGivenUp(logger, queueName, count, queueName + QueueMessageHandler.PoisonSuffix);
            json.Remove(CountProperty);
            await QueueMessageHandler.MoveToPoisonAsync(storage, queueName, json.ToJsonString(), cancellationToken);
            return false;
        }

        json[CountProperty] = count + 1;
        var delay = DelayAfter(count);
        var queue = await storage.QueueAsync(queueName);
        await queue.SendMessageAsync(json.ToJsonString(), visibilityTimeout: delay, cancellationToken: cancellationToken);
        LogPutBack(logger, queueName, delay.TotalSeconds, count + 1, MaxPutBacks);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message of {Queue} not due yet; put back for {DelaySeconds} s (put-back {Count} of {Max}).")]
    private static partial void LogPutBack(ILogger logger, string queue, double delaySeconds, int count, int max);

    // In the host's words, which the poison-queue alert looks for (see QueueMessageHandler).
    [LoggerMessage(Level = LogLevel.Error, Message = "Message of {Queue} still not due after {Count} put-backs (about an hour). Moving message to queue '{PoisonQueue}'.")]
    private static partial void LogGivenUp(ILogger logger, string queue, int count, string poisonQueue);
}
