using System.Text.Json;
using Kok.Domain.Common;
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
/// worker sleeps. As in every queue function (<see cref="QueueMessageHandler"/>), an unreadable message, or one for a
/// member that does not exist, goes to <c>dues-charge-poison</c> at once; other failures are rethrown (host retries,
/// then <c>dues-charge-poison</c>).
/// </summary>
public sealed class DuesChargeFunction(
    ChargeDues chargeDues,
    DuesChargeRateLimit rateLimit,
    IDuesChargeQueue queue,
    QueueMessageHandler messages,
    ILogger<DuesChargeFunction> logger)
{
    public const string PoisonQueueName = IDuesChargeQueue.QueueName + QueueMessageHandler.PoisonSuffix;

    [Function("DuesCharge")]
    public Task RunAsync([QueueTrigger(IDuesChargeQueue.QueueName)] string message, CancellationToken cancellationToken) =>
        messages.HandleAsync(IDuesChargeQueue.QueueName, message, Parse, request => ChargeAsync(request, cancellationToken), cancellationToken);

    private async Task ChargeAsync(DuesChargeMessage request, CancellationToken cancellationToken)
    {
        DuesChargeHandled handled;
        using (await rateLimit.AcquireAsync(cancellationToken))
        {
            handled = await chargeDues.ExecuteAsync(request, cancellationToken);
        }

        if (handled.MemberNotFound)
        {
            throw UnprocessableMessageException.UnknownSubject("member", request.MemberId);
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
