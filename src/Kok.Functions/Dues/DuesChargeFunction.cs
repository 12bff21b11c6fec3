using System.Text.Json;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Dues;

/// <summary>
/// Queue trigger on <c>dues-charge</c>: one message per member and period, charged through <see cref="ChargeDues"/>
/// at no more than <c>Dues:MaxChargesPerSecond</c> per instance (the dues run releases the requests at that rate in total). When Stripe still answers 429, the message is put
/// back on the queue, invisible for Stripe's Retry-After, and this delivery completes: nothing is dropped and no
/// worker sleeps. Other failures are rethrown (host retries, then <c>dues-charge-poison</c>); an unreadable message
/// goes to the poison queue at once.
/// </summary>
public sealed class DuesChargeFunction(
    ChargeDues chargeDues,
    DuesChargeRateLimit rateLimit,
    IDuesChargeQueue queue,
    StorageClients storage,
    ILogger<DuesChargeFunction> logger)
{
    public const string PoisonQueueName = IDuesChargeQueue.QueueName + "-poison";

    [Function("DuesCharge")]
    public async Task RunAsync([QueueTrigger(IDuesChargeQueue.QueueName)] string message, CancellationToken cancellationToken)
    {
        var request = Parse(message);
        if (request is null)
        {
            logger.LogError("Unreadable dues charge message ({Length} characters) moved to {PoisonQueue}.", message?.Length ?? 0, PoisonQueueName);
            var poison = await storage.QueueAsync(PoisonQueueName);
            await poison.SendMessageAsync(message ?? string.Empty, cancellationToken);
            return;
        }

        DuesChargeHandled handled;
        using (await rateLimit.AcquireAsync(cancellationToken))
        {
            handled = await chargeDues.ExecuteAsync(request, cancellationToken);
        }

        if (handled is { Outcome: DuesChargeOutcome.RateLimited, RetryAfter: { } retryAfter })
        {
            await queue.EnqueueAsync(request, retryAfter, cancellationToken);
        }

        logger.LogInformation(
            "Dues charge for {MemberId} period {PeriodStart:yyyy-MM-dd}: {Outcome}.", request.MemberId, request.PeriodStart, handled.Outcome);
    }

    public static DuesChargeMessage? Parse(string? message)
    {
        try
        {
            var request = string.IsNullOrWhiteSpace(message) ? null : JsonSerializer.Deserialize<DuesChargeMessage>(message, KokJson.Options);
            return request is not null && Member.IsWellFormedId(request.MemberId) && request.PeriodStart != default ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
