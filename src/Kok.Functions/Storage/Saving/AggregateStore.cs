using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Donations;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// The one save path of every aggregate: the repository hands over the aggregate (and the provider references the
/// use case learnt); this writes its row with a conditional insert or replace and keeps every side table through the
/// registered projections, in the order that keeps the crash guarantees:
/// <list type="number">
/// <item>before the write, the rows that must exist whenever the aggregate does (<see cref="ProjectionPhase.BeforeWrite"/>);</item>
/// <item>the aggregate's row with every projection's mark, under the loaded ETag
/// (a lost race writes nothing more and answers false; the caller reloads and decides again);</item>
/// <item>after the write, what may only happen once the aggregate is stored (<see cref="ProjectionPhase.AfterWrite"/>).</item>
/// </list>
/// What staff alone read (<see cref="ProjectionPhase.Deferred"/>: dashboard totals, changed list columns) is not
/// written here at all: a save that changes such a mark puts one <see cref="DeferredRefresh"/> message on its queue
/// before anything else (so a crash cannot lose it, as with the use cases' messages, ADR 0003) and
/// <see cref="RefreshAsync"/> does the work later, from the row as stored (ADR 0006). Every write counts the row's
/// <c>Revision</c> up by one. The use cases' own messages are not sent here: they send them before they save. A
/// projection whose mark did not change costs nothing, so a save that changes nothing any side table shows costs the
/// row write alone.
/// </summary>
public sealed class AggregateStore<TAggregate>(
    StorageClients storage,
    IAggregateRows<TAggregate> rows,
    IEnumerable<IProjection<TAggregate>> projections) : IAggregateRefresh
{
    public const string MarkPrefix = "P_";
    public const string RevisionColumn = "Revision";

    private readonly IReadOnlyList<IProjection<TAggregate>> projections = projections.ToList();
    private readonly StorageQueueSender queue = new(storage);

    /// <summary>The aggregate's table name: what a <see cref="DeferredRefresh"/> message names it by.</summary>
    public string Aggregate => rows.Table;

    public async Task<StoredAggregate<TAggregate>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(rows.Table);
        var (partition, row) = rows.KeysOf(id);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var marks = projections
            .Select(p => (p.Name, Mark: entity.GetString(MarkPrefix + p.Name)))
            .Where(m => m.Mark is not null)
            .ToDictionary(m => m.Name, m => m.Mark!, StringComparer.Ordinal);
        // Read as any integer: rows written by other tools may hold it as Int32, which GetInt64 refuses.
        var revision = entity.TryGetValue(RevisionColumn, out var value) && value is int or long
            ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
            : 0;
        var version = new StoredVersion(entity.ETag.ToString(), revision, marks);
        return new StoredAggregate<TAggregate>(rows.FromEntity(entity), version.ToString(), revision);
    }

    /// <summary>
    /// The deferred phase (<see cref="ProjectionPhase.Deferred"/>): loads the aggregate and brings every deferred
    /// projection up to it. A row still older than <paramref name="revision"/> means the message overtook its save:
    /// "not yet" (put back for later), unless <paramref name="evenIfBehind"/> (the save has had seconds and did not
    /// come: it lost a race, whose winner sent a message of its own, or crashed; the stored state is then the one to
    /// show). A row that is missing is "not yet" too (an insert's message overtook it) until then, and after that
    /// shows nothing. One read, then each projection's own writes.
    /// </summary>
    public async Task RefreshAsync(string id, long revision, bool evenIfBehind, CancellationToken cancellationToken)
    {
        var stored = await GetAsync(id, cancellationToken);
        if ((stored?.Revision ?? 0) < revision && !evenIfBehind)
        {
            throw new SaveNotStoredYetException(rows.Table, id, revision);
        }

        if (stored is null)
        {
            return;
        }

        var refresh = new ProjectionRefresh<TAggregate>(stored.Aggregate, id, stored.Revision);
        foreach (var projection in projections.Where(p => p.Phase.HasFlag(ProjectionPhase.Deferred)))
        {
            await projection.RefreshAsync(refresh, cancellationToken);
        }
    }

    /// <summary>Inserts a new aggregate; false (and its row not written) when one with its id exists.</summary>
    public Task<bool> TryAddAsync(TAggregate aggregate, IReadOnlyCollection<PaymentReference> newReferences, CancellationToken cancellationToken) =>
        SaveAsync(aggregate, null, newReferences, cancellationToken);

    /// <summary>Replaces the aggregate if it is still stored at <paramref name="version"/>; false on a concurrent change.</summary>
    public Task<bool> TrySaveAsync(TAggregate aggregate, string version, IReadOnlyCollection<PaymentReference> newReferences, CancellationToken cancellationToken) =>
        SaveAsync(aggregate, StoredVersion.Parse(version), newReferences, cancellationToken);

    private async Task<bool> SaveAsync(
        TAggregate aggregate,
        StoredVersion? loaded,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(newReferences);
        var steps = projections
            .Select(p => (Projection: p, Step: new ProjectionStep<TAggregate>(aggregate, loaded is null, loaded?.Mark(p.Name), p.Mark(aggregate), newReferences)))
            .ToList();
        var revision = (loaded?.Revision ?? 0) + 1;
        if (steps.Any(s => s.Projection.Phase.HasFlag(ProjectionPhase.Deferred) && s.Projection.NeedsRefresh(s.Step)))
        {
            await queue.SendAsync(DeferredRefresh.QueueName, new DeferredRefresh(rows.Table, rows.IdOf(aggregate), revision), cancellationToken);
        }

        foreach (var (projection, step) in steps.Where(s => s.Projection.Phase.HasFlag(ProjectionPhase.BeforeWrite)))
        {
            await projection.BeforeWriteAsync(step, cancellationToken);
        }

        var entity = rows.ToEntity(aggregate);
        entity[RevisionColumn] = revision;
        foreach (var (projection, step) in steps.Where(s => s.Step.Current is not null))
        {
            entity[MarkPrefix + projection.Name] = step.Current;
        }

        if (await WriteAsync(entity, loaded, cancellationToken) is not { } written)
        {
            return false;
        }

        foreach (var (projection, step) in steps.Where(s => s.Projection.Phase.HasFlag(ProjectionPhase.AfterWrite)))
        {
            step.WrittenETag = written;
            await projection.AfterWriteAsync(step, cancellationToken);
        }

        return true;
    }

    /// <summary>The new ETag, or null when the row exists (insert) or changed (replace) meanwhile.</summary>
    private async Task<string?> WriteAsync(TableEntity entity, StoredVersion? loaded, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(rows.Table);
        try
        {
            var response = loaded is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(loaded.ETag), TableUpdateMode.Replace, cancellationToken);
            return (response.Headers.ETag ?? ETag.All).ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return null;
        }
    }
}
