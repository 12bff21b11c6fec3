using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Functions.Dashboard;
using Kok.Functions.Storage;
using static Kok.Functions.Dashboard.TableDashboardTotals;

namespace Kok.Seed;

/// <summary>
/// The dashboard totals seeded in bulk (<c>./seed.sh</c> through <see cref="MemberSeeder"/>, tests and benchmarks
/// with tens of thousands of entities; never the app's own paths, so it lives here and not in Kok.Functions). The
/// rows written are exactly those <see cref="TableDashboardTotals.ApplyAsync"/> leaves (its c-row and shard-row
/// format, same shard per entity), but without a read per entity: c-rows go in entity-group transactions of 100,
/// then each touched shard row moves once by the sum, under its ETag (a live apply racing for it makes that row
/// start over). Unlike <see cref="TableDashboardTotals.ApplyAsync"/> the c-rows and the totals are not one atomic
/// step: a crash in between leaves drift that the recompute action repairs.
/// </summary>
public sealed class DashboardTotalsSeeder(StorageClients storage)
{
    private const int BulkWriters = 4;

    /// <summary>
    /// Remembers the contribution of each entity the totals do not know yet and adds it to the totals; entities known
    /// already are left alone (never counted twice), so seeding again is harmless. Returns how many were added.
    /// </summary>
    public Task<int> AddNewAsync(IReadOnlyDictionary<string, DashboardContribution> contributions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        return BulkAsync(
            contributions.Where(c => !c.Value.IsEmpty).ToDictionary(StringComparer.Ordinal),
            reverse: false,
            id => ContributionAction(id, contributions[id], null),
            keepIfRemembered: false,
            sign: 1,
            cancellationToken);
    }

    /// <summary>
    /// The reverse of <see cref="AddNewAsync"/>: forgets the given entities and takes their contributions, which must be
    /// what they remember (as seeded), off the totals; entities not remembered are skipped. Returns how many were removed.
    /// </summary>
    public Task<int> RemoveAsync(IReadOnlyDictionary<string, DashboardContribution> contributions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        return BulkAsync(
            contributions.Where(c => !c.Value.IsEmpty).ToDictionary(StringComparer.Ordinal),
            reverse: true,
            id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, ContributionKey(id)), ETag.All),
            keepIfRemembered: true,
            sign: -1,
            cancellationToken);
    }

    private async Task<int> BulkAsync(
        Dictionary<string, DashboardContribution> contributions,
        bool reverse,
        Func<string, TableTransactionAction> action,
        bool keepIfRemembered,
        int sign,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardTotals);
        var done = new List<string>(contributions.Count);
        // A few transactions in flight: the round trip, not the storage, is what a single writer would wait on.
        await Parallel.ForEachAsync(
            (reverse ? contributions.Keys.Reverse() : contributions.Keys).Chunk(MaxBatch),
            new ParallelOptions { MaxDegreeOfParallelism = BulkWriters, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                var written = await SubmitSkippingAsync(table, batch, action, keepIfRemembered, ct);
                lock (done)
                {
                    done.AddRange(written);
                }
            });

        var moves = new Dictionary<string, DashboardCounters>(StringComparer.Ordinal);
        foreach (var id in done)
        {
            var shard = ShardOf(id);
            foreach (var (scope, counters) in contributions[id].Scopes)
            {
                var key = TotalsKey(scope, shard);
                var signed = sign > 0 ? counters : DashboardCounters.Empty.Minus(counters);
                moves[key] = moves.TryGetValue(key, out var sum) ? sum.Plus(signed) : signed;
            }
        }

        await MoveTotalsAsync(table, moves, cancellationToken);
        return done.Count;
    }

    /// <summary>
    /// One entity-group transaction; when it fails because a row is there (add) or missing (delete), the batch is
    /// narrowed by point reads to the rows it can apply to and sent again. Returns the ids written.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SubmitSkippingAsync(
        TableClient table,
        string[] ids,
        Func<string, TableTransactionAction> action,
        bool keepIfRemembered,
        CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(ids.Select(action), cancellationToken);
            return ids;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409)
        {
            var applicable = new List<string>();
            foreach (var id in ids)
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ContributionKey(id), select: ["RowKey"], cancellationToken);
                if (row.HasValue == keepIfRemembered)
                {
                    applicable.Add(id);
                }
            }

            if (applicable.Count > 0)
            {
                await table.SubmitTransactionAsync(applicable.Select(action), cancellationToken);
            }

            return applicable;
        }
    }

    private static async Task MoveTotalsAsync(TableClient table, Dictionary<string, DashboardCounters> moves, CancellationToken cancellationToken)
    {
        var pending = moves.Where(m => !m.Value.IsEmpty).ToDictionary(StringComparer.Ordinal);
        for (var attempt = 1; attempt <= MaxAttempts && pending.Count > 0; attempt++)
        {
            var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"t:"} and RowKey lt {"t;"}"),
                cancellationToken: cancellationToken))
            {
                rows[row.RowKey] = row;
            }

            foreach (var batch in pending.Keys.Order(StringComparer.Ordinal).Chunk(MaxBatch))
            {
                var actions = batch.Select(key => rows.TryGetValue(key, out var row)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, CountersEntity(key, ReadCounters(row).Plus(pending[key])), row.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, CountersEntity(key, pending[key])));
                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                    foreach (var key in batch)
                    {
                        pending.Remove(key);
                    }
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
                {
                    // A live apply moved one of these rows meanwhile: this batch reads again on the next round.
                }
            }
        }

        if (pending.Count > 0)
        {
            throw new InvalidOperationException($"Dashboard totals stayed contended after {MaxAttempts} attempts; the recompute action repairs them.");
        }
    }
}
