using Kok.Domain.Common;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// Queue trigger on <c>projections</c>: brings an aggregate's deferred projections (dashboard totals, list columns)
/// up to the aggregate as stored (ADR 0006), the way every queue function treats its messages
/// (<see cref="QueueMessageHandler"/>): unreadable, or naming a kind of aggregate this app does not have → poison at
/// once; came before its save → put back for later; storage failing → retried by the host. Idempotent: the
/// projections compare the stored revision with what they last showed, so a redelivery, a duplicate or an older
/// message writes nothing.
/// </summary>
public sealed class RefreshProjectionsFunction(IEnumerable<IAggregateRefresh> aggregates, QueueMessageHandler messages)
{
    /// <summary>
    /// Put-backs (1 s, 2 s, 4 s) after which a save that has not come is taken as never coming: it lost its race
    /// (the winner's own message follows) or its process died; the row as stored is then what to show.
    /// </summary>
    public const int PutBacksBeforeShowingStored = 3;

    private readonly Dictionary<string, IAggregateRefresh> byName =
        aggregates.ToDictionary(a => a.Aggregate, StringComparer.Ordinal);

    [Function("RefreshProjections")]
    public Task RunAsync([QueueTrigger(DeferredRefresh.QueueName)] string message, CancellationToken cancellationToken) =>
        messages.HandleAsync(DeferredRefresh.QueueName, message, DeferredRefresh.Parse, refresh => RefreshAsync(refresh, message, cancellationToken), cancellationToken);

    private Task RefreshAsync(DeferredRefresh refresh, string message, CancellationToken cancellationToken) =>
        byName.TryGetValue(refresh.Aggregate, out var aggregate)
            ? aggregate.RefreshAsync(refresh.Id, refresh.Revision, QueuePutBack.CountOf(message) >= PutBacksBeforeShowingStored, cancellationToken)
            : throw UnprocessableMessageException.UnknownSubject("aggregate", refresh.Aggregate);
}
