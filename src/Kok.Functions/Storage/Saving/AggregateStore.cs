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
/// Queue messages are not sent here: use cases send them before they save (ADR 0003), so a message can never be
/// missing for a saved change. A projection whose mark did not change costs nothing, so a save that changes nothing
/// any side table shows costs the row write alone (plus the totals' own check).
/// </summary>
public sealed class AggregateStore<TAggregate>(
    StorageClients storage,
    IAggregateRows<TAggregate> rows,
    IEnumerable<IProjection<TAggregate>> projections)
{
    public const string MarkPrefix = "P_";

    private readonly IReadOnlyList<IProjection<TAggregate>> projections = projections.ToList();

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
        var version = new StoredVersion(entity.ETag.ToString(), marks);
        return new StoredAggregate<TAggregate>(rows.FromEntity(entity), version.ToString());
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

        foreach (var (projection, step) in steps.Where(s => s.Projection.Phase.HasFlag(ProjectionPhase.BeforeWrite)))
        {
            await projection.BeforeWriteAsync(step, cancellationToken);
        }

        var entity = rows.ToEntity(aggregate);
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
