using System.Globalization;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Functions;

/// <summary>
/// host.json <c>extensions.queues</c>, with the Functions host's defaults and limits (WebJobs <c>QueuesOptions</c>).
/// </summary>
public sealed record QueuesSettings(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    TimeSpan MaxPollingInterval,
    QueueMessageEncoding MessageEncoding)
{
    public const int DefaultBatchSize = 16;
    public const int MaxBatchSize = 32;
    public const int DefaultMaxDequeueCount = 5;

    /// <summary>The first and shortest wait of an empty queue's polling back-off (WebJobs' <c>QueuePollingIntervals.Minimum</c>).</summary>
    public static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan DefaultMaxPollingInterval = TimeSpan.FromMinutes(1);

    public static QueuesSettings Default { get; } = From(new ConfigurationBuilder().Build());

    /// <summary>Reads the <c>queues</c> section (keys as in host.json, case-insensitive); missing keys take defaults.</summary>
    public static QueuesSettings From(IConfiguration queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var batchSize = ReadInt(queues, "batchSize") ?? DefaultBatchSize;
        if (batchSize is < 1 or > MaxBatchSize)
        {
            throw Invalid("batchSize", $"must be between 1 and {MaxBatchSize}");
        }

        // The host scales this default by the processor count on dedicated plans; locally one "instance" is the model.
        var newBatchThreshold = ReadInt(queues, "newBatchThreshold") ?? batchSize / 2;
        if (newBatchThreshold < 0)
        {
            throw Invalid("newBatchThreshold", "must not be negative");
        }

        var maxDequeueCount = ReadInt(queues, "maxDequeueCount") ?? DefaultMaxDequeueCount;
        if (maxDequeueCount < 1)
        {
            throw Invalid("maxDequeueCount", "must be at least 1");
        }

        var maxPollingInterval = ReadTimeSpan(queues, "maxPollingInterval") ?? DefaultMaxPollingInterval;
        if (maxPollingInterval < MinimumPollingInterval)
        {
            throw Invalid("maxPollingInterval", $"must not be less than {MinimumPollingInterval}");
        }

        var visibilityTimeout = ReadTimeSpan(queues, "visibilityTimeout") ?? TimeSpan.Zero;
        if (visibilityTimeout < TimeSpan.Zero)
        {
            throw Invalid("visibilityTimeout", "must not be negative");
        }

        var encoding = queues["messageEncoding"] switch
        {
            null or "" => QueueMessageEncoding.Base64,
            var value when value.Equals("base64", StringComparison.OrdinalIgnoreCase) => QueueMessageEncoding.Base64,
            var value when value.Equals("none", StringComparison.OrdinalIgnoreCase) => QueueMessageEncoding.None,
            _ => throw Invalid("messageEncoding", "must be \"base64\" or \"none\""),
        };

        return new QueuesSettings(batchSize, newBatchThreshold, visibilityTimeout, maxDequeueCount, maxPollingInterval, encoding);
    }

    private static int? ReadInt(IConfiguration section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw Invalid(key, $"is not a whole number: '{value}'");
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw Invalid(key, $"is not a time span (hh:mm:ss): '{value}'");
    }

    private static InvalidOperationException Invalid(string key, string problem) =>
        new($"host.json extensions.queues.{key} {problem}.");
}
