using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The running dashboard totals in Table Storage, all in one partition (<c>totals</c>) so one entity-group
/// transaction can change an entity's remembered contribution and the totals it moves together:
/// <list type="bullet">
/// <item><c>c:{entityId}</c>: the entity's last applied contribution (JSON, every scope), so the old scopes are known
/// even when the new state no longer touches them;</item>
/// <item><c>t:{scope}:{shard}</c>: the totals of a scope, split over <see cref="Shards"/> rows by a stable hash of
/// the entity id, so concurrent writers (a dues run, seeding) rarely race for the same row. A scope's totals are the
/// sum of its shard rows; the summary reads them with one range query per scope.</item>
/// </list>
/// Invariant: each shard row is the sum of the contributions remembered in the c-rows of its entities. Apply keeps
/// it (c-row and shard rows in one transaction, under their ETags; 409/412 start over, bounded), rebuild restores it.
/// Apply with a revision (the save pipeline's deferred refresh, ADR 0006) throws on failure, so its queue retries;
/// without one (receipts counted as they are issued) it is best effort: the entity is already stored when it runs, so
/// a storage failure or lasting contention is logged (entity id only) and swallowed rather than failing the caller;
/// the entity's next save or the recompute action repairs the totals.
/// Costs: apply with nothing changed = 1 point read; with a change = 1 point read + 1 point read per changed scope
/// + 1 transaction; read of n scopes = n range queries (1 request each: at most <see cref="Shards"/> rows); read of a
/// year's month scopes = 1 range query (at most 12 × <see cref="Shards"/> rows, one page).
/// </summary>
public sealed partial class TableDashboardTotals(StorageClients storage, ILogger<TableDashboardTotals> logger) : IDashboardTotals
{
    public const string Partition = "totals";
    /// <summary>
    /// Enough that a dues day (charges, their webhooks and receipt mails updating the same scopes at 20 a second) rarely
    /// meets a busy row: with 8, the dues benchmark spent a third of all its storage round trips on retried applies.
    /// The summary still reads a scope with one request (32 rows; a year's months 384, one page).
    /// </summary>
    public const int Shards = 32;
    public const int MaxAttempts = 30;
    internal const int MaxBatch = 100;
    private const string ContributionColumn = "Contribution";
    private const string RevisionColumn = "Revision";

    public Task ApplyAsync(string entityId, DashboardContribution contribution, CancellationToken cancellationToken) =>
        ApplyAsync(entityId, contribution, null, cancellationToken);

    /// <summary>
    /// Failures are thrown, not swallowed: the deferred refresh that calls this runs from a queue, which retries it
    /// (the revision makes a retry harmless).
    /// </summary>
    public Task ApplyAsync(string entityId, DashboardContribution contribution, long revision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentNullException.ThrowIfNull(contribution);
        return ApplyOrThrowAsync(entityId, contribution, revision, cancellationToken);
    }

    private async Task ApplyAsync(string entityId, DashboardContribution contribution, long? revision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentNullException.ThrowIfNull(contribution);
        try
        {
            await ApplyOrThrowAsync(entityId, contribution, revision, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            LogApplyFailed(logger, ex, entityId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard totals not updated for {EntityId}; its next save or the recompute action repairs them.")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string entityId);

    private async Task ApplyOrThrowAsync(string entityId, DashboardContribution contribution, long? revision, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardTotals);
        var shard = ShardOf(entityId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ContributionKey(entityId), cancellationToken: cancellationToken);
            var old = stored.HasValue ? ReadContribution(stored.Value!) : DashboardContribution.None;
            if (revision <= (stored.HasValue ? stored.Value!.GetInt64(RevisionColumn) : null))
            {
                return; // This state or a later one is counted already.
            }

            var delta = DashboardContribution.Delta(old, contribution);
            if (delta.IsEmpty)
            {
                if (revision is null || await TryRememberRevisionAsync(table, entityId, stored.HasValue ? stored.Value : null, revision.Value, cancellationToken))
                {
                    return;
                }

                continue; // The row changed meanwhile: read it again.
            }

            var actions = new List<TableTransactionAction>();
            foreach (var (scope, change) in delta.Scopes)
            {
                var key = TotalsKey(scope, shard);
                var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
                var now = (row.HasValue ? ReadCounters(row.Value!) : DashboardCounters.Empty).Plus(change);
                actions.Add(row.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, CountersEntity(key, now), row.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, CountersEntity(key, now)));
            }

            actions.Add(ContributionAction(entityId, contribution, stored.HasValue ? stored.Value!.ETag : null, revision));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Jittered and growing (up to 20, 40, 80, 160, 320 ms), so contenders spread out instead of meeting again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 10 << Math.Min(attempt, 5))), cancellationToken);
            }
        }

        throw new InvalidOperationException($"Dashboard totals stayed contended after {MaxAttempts} attempts; the recompute action repairs them.");
    }

    /// <summary>
    /// A later state that counts the same (or nothing) still records its revision, so a refresh that read an older
    /// state and comes after this one cannot count that older state. False when the row changed meanwhile (read again).
    /// </summary>
    private static async Task<bool> TryRememberRevisionAsync(TableClient table, string entityId, TableEntity? stored, long revision, CancellationToken cancellationToken)
    {
        try
        {
            await (stored is null
                ? table.AddEntityAsync(ContributionEntity(entityId, DashboardContribution.None, revision), cancellationToken)
                : table.UpdateEntityAsync(new TableEntity(Partition, stored.RowKey) { [RevisionColumn] = revision }, stored.ETag, TableUpdateMode.Merge, cancellationToken));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, DashboardCounters>> GetAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var table = await storage.TableAsync(TableNames.DashboardTotals);
        var result = new Dictionary<string, DashboardCounters>(StringComparer.Ordinal);
        foreach (var scope in scopes.Distinct(StringComparer.Ordinal))
        {
            var prefix = "t:" + scope + ":";
            var upper = "t:" + scope + ";";
            var sum = DashboardCounters.Empty;
            await foreach (var row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {upper}"),
                cancellationToken: cancellationToken))
            {
                sum = sum.Plus(ReadCounters(row));
            }

            result[scope] = sum;
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, DashboardCounters>> GetRangeAsync(string firstScope, string lastScope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstScope);
        ArgumentException.ThrowIfNullOrWhiteSpace(lastScope);
        var table = await storage.TableAsync(TableNames.DashboardTotals);
        var from = "t:" + firstScope + ":";
        var upper = "t:" + lastScope + ";";
        var result = new Dictionary<string, DashboardCounters>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {upper}"),
            cancellationToken: cancellationToken))
        {
            var scope = ScopeOfTotalsKey(row.RowKey);
            result[scope] = result.TryGetValue(scope, out var sum) ? sum.Plus(ReadCounters(row)) : ReadCounters(row);
        }

        return result;
    }

    public async Task<IReadOnlyList<DashboardDriftItem>> RebuildAsync(
        IReadOnlyDictionary<string, DashboardContribution> contributions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var table = await storage.TableAsync(TableNames.DashboardTotals);
        var before = await ReadAllAsync(table, cancellationToken);
        var drift = Drift(before.TotalsByScope(), DashboardContribution.Sum(contributions.Values));

        // Remembered contributions first, then the totals as their sum: a live apply racing with this moves both
        // together, so the totals written last still equal the sum of what is remembered.
        var writes = new List<TableTransactionAction>();
        foreach (var (entityId, contribution) in contributions)
        {
            var known = before.Contributions.TryGetValue(entityId, out var remembered);
            if (contribution.IsEmpty ? known : !known || !remembered!.Equals(contribution))
            {
                writes.Add(contribution.IsEmpty
                    ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, ContributionKey(entityId)), ETag.All)
                    : new TableTransactionAction(TableTransactionActionType.UpsertReplace, ContributionEntity(entityId, contribution)));
            }
        }

        foreach (var gone in before.Contributions.Keys.Where(id => !contributions.ContainsKey(id)))
        {
            writes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, ContributionKey(gone)), ETag.All));
        }

        foreach (var batch in writes.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }

        await RebuildTotalsAsync(table, cancellationToken);
        return drift;
    }

    /// <summary>Which shard row an entity's contribution is counted in; stable across processes and versions.</summary>
    public static int ShardOf(string entityId)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(entityId))
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash % Shards);
    }

    private static List<DashboardDriftItem> Drift(IReadOnlyDictionary<string, DashboardCounters> stored, DashboardContribution recomputed)
    {
        var drift = new List<DashboardDriftItem>();
        foreach (var scope in stored.Keys.Union(recomputed.Scopes.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var had = stored.TryGetValue(scope, out var counters) ? counters : DashboardCounters.Empty;
            var should = recomputed[scope];
            foreach (var counter in had.Values.Keys.Union(should.Values.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (had[counter] != should[counter])
                {
                    drift.Add(new DashboardDriftItem(scope, counter, had[counter], should[counter]));
                }
            }
        }

        return drift;
    }

    private static async Task RebuildTotalsAsync(TableClient table, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = await ReadAllAsync(table, cancellationToken);
            var should = new Dictionary<string, DashboardCounters>(StringComparer.Ordinal);
            foreach (var (entityId, contribution) in now.Contributions)
            {
                var shard = ShardOf(entityId);
                foreach (var (scope, counters) in contribution.Scopes)
                {
                    var key = TotalsKey(scope, shard);
                    should[key] = should.TryGetValue(key, out var sum) ? sum.Plus(counters) : counters;
                }
            }

            var writes = new List<TableTransactionAction>();
            foreach (var (key, counters) in should)
            {
                if (!now.Totals.TryGetValue(key, out var row))
                {
                    writes.Add(new TableTransactionAction(TableTransactionActionType.Add, CountersEntity(key, counters)));
                }
                else if (!ReadCounters(row).Equals(counters))
                {
                    writes.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, CountersEntity(key, counters), row.ETag));
                }
            }

            writes.AddRange(now.Totals.Where(t => !should.ContainsKey(t.Key))
                .Select(t => new TableTransactionAction(TableTransactionActionType.Delete, t.Value, t.Value.ETag)));
            try
            {
                foreach (var batch in writes.Chunk(MaxBatch))
                {
                    await table.SubmitTransactionAsync(batch, cancellationToken);
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // A live apply moved a shard row meanwhile: read again and sum again.
            }
        }

        throw new InvalidOperationException($"Dashboard totals could not be rebuilt after {MaxAttempts} attempts.");
    }

    private static async Task<Snapshot> ReadAllAsync(TableClient table, CancellationToken cancellationToken)
    {
        var contributions = new Dictionary<string, DashboardContribution>(StringComparer.Ordinal);
        var totals = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith("c:", StringComparison.Ordinal))
            {
                contributions[row.RowKey[2..]] = ReadContribution(row);
            }
            else if (row.RowKey.StartsWith("t:", StringComparison.Ordinal))
            {
                totals[row.RowKey] = row;
            }
        }

        return new Snapshot(contributions, totals);
    }

    internal static string ContributionKey(string entityId) => "c:" + entityId;

    internal static string TotalsKey(string scope, int shard) => $"t:{scope}:{shard}";

    private static string ScopeOfTotalsKey(string key) => key[2..key.LastIndexOf(':')];

    /// <summary>
    /// The write of an entity's remembered contribution. An empty one with a revision stays as a row (no counters), so
    /// an older refresh that comes later still finds the revision it must not undo; without a revision it goes.
    /// </summary>
    internal static TableTransactionAction ContributionAction(string entityId, DashboardContribution contribution, ETag? stored, long? revision = null) =>
        (contribution.IsEmpty && revision is null, stored) switch
        {
            (true, { } etag) => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, ContributionKey(entityId)), etag),
            (false, { } etag) => new TableTransactionAction(TableTransactionActionType.UpdateReplace, ContributionEntity(entityId, contribution, revision), etag),
            _ => new TableTransactionAction(TableTransactionActionType.Add, ContributionEntity(entityId, contribution, revision)),
        };

    private static TableEntity ContributionEntity(string entityId, DashboardContribution contribution, long? revision = null)
    {
        var entity = new TableEntity(Partition, ContributionKey(entityId))
        {
            [ContributionColumn] = JsonSerializer.Serialize(
                contribution.Scopes.ToDictionary(s => s.Key, s => s.Value.Values, StringComparer.Ordinal)),
        };
        if (revision is { } value)
        {
            entity[RevisionColumn] = value;
        }

        return entity;
    }

    private static DashboardContribution ReadContribution(TableEntity entity)
    {
        var json = entity.GetString(ContributionColumn);
        if (string.IsNullOrEmpty(json))
        {
            return DashboardContribution.None;
        }

        var scopes = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, long>>>(json) ?? [];
        return DashboardContribution.From(scopes.Select(s => new KeyValuePair<string, DashboardCounters>(s.Key, DashboardCounters.From(s.Value))));
    }

    internal static TableEntity CountersEntity(string key, DashboardCounters counters)
    {
        var entity = new TableEntity(Partition, key);
        foreach (var (name, value) in counters.Values)
        {
            entity[name] = value;
        }

        return entity;
    }

    internal static DashboardCounters ReadCounters(TableEntity entity) =>
        DashboardCounters.From(entity
            .Where(p => p.Value is long or int)
            .Select(p => new KeyValuePair<string, long>(p.Key, Convert.ToInt64(p.Value, System.Globalization.CultureInfo.InvariantCulture))));

    private sealed record Snapshot(IReadOnlyDictionary<string, DashboardContribution> Contributions, IReadOnlyDictionary<string, TableEntity> Totals)
    {
        public Dictionary<string, DashboardCounters> TotalsByScope()
        {
            var byScope = new Dictionary<string, DashboardCounters>(StringComparer.Ordinal);
            foreach (var (key, row) in Totals)
            {
                var scope = ScopeOfTotalsKey(key);
                byScope[scope] = byScope.TryGetValue(scope, out var sum) ? sum.Plus(ReadCounters(row)) : ReadCounters(row);
            }

            return byScope;
        }
    }
}
