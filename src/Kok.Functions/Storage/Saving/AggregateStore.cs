using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Donations;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// The one save path of every aggregate: the repository hands over the aggregate (and the provider references the
/// use case learnt); this writes the row with a conditional insert or replace and keeps every side table through the
/// registered projections, in an order that keeps today's crash guarantees:
/// <list type="number">
/// <item>before the write, the rows that must exist whenever the aggregate does (<see cref="ProjectionPhase.BeforeWrite"/>:
/// agenda and index entries), and one <c>projections</c> message when a deferred projection's mark changed — before,
/// like every message (ADR 0003), so a crash between the two can only leave a message whose save never came, which
/// its consumer recognises by the revision;</item>
/// <item>the aggregate's row, with its revision counted up and every projection's mark, under the loaded ETag;</item>
/// <item>after the write, what may only go once the aggregate is stored (<see cref="ProjectionPhase.AfterWrite"/>:
/// old agenda and index rows).</item>
/// </list>
/// A save whose marks did not change costs the row write alone. Deferred projections (dashboard lists and totals)
/// run off the request's path (<see cref="DeferredProjectionMode.Queue"/>), or right after the write for tools and
/// tests that run no queue functions (<see cref="DeferredProjectionMode.Inline"/>).
/// </summary>
public sealed class AggregateStore<TAggregate>(
    StorageClients storage,
    IAggregateRows<TAggregate> rows,
    IEnumerable<IProjection<TAggregate>> projections,
    DeferredProjectionMode mode = DeferredProjectionMode.Inline) : IDeferredProjectionRunner
{
    public const string RevisionColumn = "Revision";
    public const string MarkPrefix = "P_";

    private readonly IReadOnlyList<IProjection<TAggregate>> projections = projections.ToList();

    public string Kind => rows.Kind;

    public IReadOnlyList<IProjection<TAggregate>> Projections => projections;

    public IAggregateRows<TAggregate> Rows => rows;

    public async Task<StoredAggregate<TAggregate>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(rows.Table);
        var (partition, row) = rows.KeysOf(id);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var revision = RevisionOf(entity);
        var marks = projections
            .Select(p => (p.Name, Mark: entity.GetString(MarkPrefix + p.Name)))
            .Where(m => m.Mark is not null)
            .ToDictionary(m => m.Name, m => m.Mark!, StringComparer.Ordinal);
        var version = new StoredVersion(entity.ETag.ToString(), revision, marks);
        return new StoredAggregate<TAggregate>(rows.FromEntity(entity), version.ToString(), revision);
    }

    /// <summary>Inserts a new aggregate; false (and its row not written) when one with its id exists.</summary>
    public Task<bool> TryAddAsync(TAggregate aggregate, IReadOnlyCollection<PaymentReference> newReferences, CancellationToken cancellationToken) =>
        SaveAsync(aggregate, null, newReferences, cancellationToken);

    /// <summary>Replaces the aggregate if it is still stored at <paramref name="version"/>; false on a concurrent change.</summary>
    public Task<bool> TrySaveAsync(TAggregate aggregate, string version, IReadOnlyCollection<PaymentReference> newReferences, CancellationToken cancellationToken) =>
        SaveAsync(aggregate, StoredVersion.Parse(version), newReferences, cancellationToken);

    public async Task<bool> RunAsync(string id, long revision, CancellationToken cancellationToken)
    {
        var stored = await GetAsync(id, cancellationToken);
        if (stored is null || stored.Revision < revision)
        {
            return false;
        }

        foreach (var projection in projections.Where(p => p.Phase.HasFlag(ProjectionPhase.Deferred)))
        {
            await projection.ProjectAsync(stored.Aggregate, stored.Revision, cancellationToken);
        }

        return true;
    }

    private async Task<bool> SaveAsync(
        TAggregate aggregate,
        StoredVersion? loaded,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(newReferences);
        var revision = (loaded?.Revision ?? 0) + 1;
        var steps = projections
            .Select(p => (Projection: p, Step: new ProjectionStep<TAggregate>(aggregate, loaded?.Mark(p.Name), p.Mark(aggregate), newReferences, revision)))
            .ToList();

        foreach (var (projection, step) in steps.Where(s => s.Projection.Phase.HasFlag(ProjectionPhase.BeforeWrite)))
        {
            await projection.BeforeWriteAsync(step, cancellationToken);
        }

        var deferred = steps.Where(s => s.Projection.Phase.HasFlag(ProjectionPhase.Deferred) && s.Step.Changed).ToList();
        if (deferred.Count > 0 && mode == DeferredProjectionMode.Queue)
        {
            var queue = await storage.QueueAsync(ProjectionRequest.QueueName);
            await queue.SendMessageAsync(
                System.Text.Json.JsonSerializer.Serialize(new ProjectionRequest(rows.Kind, rows.IdOf(aggregate), revision), KokJson.Options),
                cancellationToken);
        }

        if (!await WriteAsync(aggregate, loaded, revision, steps.Select(s => s.Step).Zip(steps, (step, s) => (s.Projection.Name, step.Current)), cancellationToken))
        {
            return false;
        }

        foreach (var (projection, step) in steps.Where(s => s.Projection.Phase.HasFlag(ProjectionPhase.AfterWrite)))
        {
            await projection.AfterWriteAsync(step, cancellationToken);
        }

        if (mode == DeferredProjectionMode.Inline)
        {
            foreach (var (projection, _) in deferred)
            {
                await projection.ProjectAsync(aggregate, revision, cancellationToken);
            }
        }

        return true;
    }

    private async Task<bool> WriteAsync(
        TAggregate aggregate,
        StoredVersion? loaded,
        long revision,
        IEnumerable<(string Name, string? Mark)> marks,
        CancellationToken cancellationToken)
    {
        var entity = rows.ToEntity(aggregate);
        entity[RevisionColumn] = revision;
        foreach (var (name, mark) in marks)
        {
            entity[MarkPrefix + name] = mark;
        }

        var table = await storage.TableAsync(rows.Table);
        try
        {
            if (loaded is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(loaded.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    private static long RevisionOf(TableEntity entity) =>
        entity.TryGetValue(RevisionColumn, out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
}
