using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Storage;

/// <summary>
/// Puts small JSON messages on Azure Storage queues (one round trip each). The adapters behind the domain's queue
/// ports use it, so swapping Storage Queues for Service Bus means replacing this class alone.
/// </summary>
public sealed class StorageQueueSender(StorageClients storage, TimeSpan followUpDelay)
{
    /// <summary>The setting (whole seconds, 0 to 60) that <see cref="FollowUpDelay"/> is read from.</summary>
    public const string FollowUpDelaySetting = "Queues:FollowUpDelaySeconds";

    public StorageQueueSender(StorageClients storage)
        : this(storage, DefaultFollowUpDelay)
    {
    }

    /// <summary>
    /// How long a use case's follow-up message (a mail request) stays invisible. Use cases send it right before the
    /// save it is about (ADR 0003), and that save takes a few round trips more; a consumer that came first would find
    /// nothing due yet and put the message back: a send, a receive and a delete spent for nothing (in the dues
    /// benchmark 4 of 10 receipt mails were put back; with the delay 8 of 1,800). Nobody waits a second for a mail.
    /// </summary>
    public static readonly TimeSpan DefaultFollowUpDelay = TimeSpan.FromSeconds(1);

    public TimeSpan FollowUpDelay { get; } = followUpDelay;

    /// <summary><see cref="FollowUpDelaySetting"/>, else <see cref="DefaultFollowUpDelay"/>.</summary>
    public static TimeSpan FollowUpDelayFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var seconds = configuration.GetValue<int?>(FollowUpDelaySetting);
        return seconds switch
        {
            null => DefaultFollowUpDelay,
            >= 0 and <= 60 => TimeSpan.FromSeconds(seconds.Value),
            _ => throw new InvalidOperationException($"{FollowUpDelaySetting} must be between 0 and 60."),
        };
    }

    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, null, cancellationToken);

    /// <summary>Sends a follow-up <paramref name="message"/>, invisible for <see cref="FollowUpDelay"/>.</summary>
    public Task SendFollowUpAsync<T>(string queueName, T message, CancellationToken cancellationToken) =>
        SendAsync(queueName, message, FollowUpDelay > TimeSpan.Zero ? FollowUpDelay : null, cancellationToken);

    /// <summary>Sends <paramref name="message"/>, invisible to consumers for <paramref name="delay"/> when given.</summary>
    public async Task SendAsync<T>(string queueName, T message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(queueName);
        await queue.SendMessageAsync(
            JsonSerializer.Serialize(message, KokJson.Options), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
