using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Reads the "Needs attention" list <see cref="AttentionProjection{TAggregate}"/> keeps. A page is one range query of
/// the <c>open</c> partition (51 rows) whatever the number of items; marking done moves the row to <c>done</c> (one
/// read, one insert, one delete); the summary's count reads the open keys only.
/// </summary>
public sealed class TableAttentionList(StorageClients storage) : IAttentionList
{
    public async Task<ListPage<AttentionListItem>> ListOpenAsync(string? after, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardAttention);
        var filter = IndexPager.Range(AttentionProjection<object>.Open, "0", "A", after);
        return await IndexPager.ReadAsync(table, filter, false, row => Task.FromResult<AttentionListItem?>(AttentionListItem.From(FromRow(row))), cancellationToken);
    }

    public async Task<bool> MarkDoneAsync(string key, string staffId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardAttention);
        var open = await table.GetEntityIfExistsAsync<TableEntity>(AttentionProjection<object>.Open, key, cancellationToken: cancellationToken);
        if (!open.HasValue || open.Value is not { } row)
        {
            return false;
        }

        var done = new TableEntity(row) { PartitionKey = AttentionProjection<object>.Done, ["DoneBy"] = staffId, ["DoneAt"] = at };
        await table.UpsertEntityAsync(done, TableUpdateMode.Replace, cancellationToken);
        await table.DeleteEntityAsync(AttentionProjection<object>.Open, key, ETag.All, cancellationToken);
        return true;
    }

    public async Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardAttention);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {AttentionProjection<object>.Open}"), maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static AttentionItem FromRow(TableEntity row) => new()
    {
        Kind = Enum.TryParse<AttentionKind>(row.GetString("Kind"), out var kind) ? kind : AttentionKind.Returned,
        SubjectKind = row.GetString("SubjectKind") ?? string.Empty,
        SubjectId = row.GetString("SubjectId") ?? string.Empty,
        PaymentId = row.GetString("PaymentId"),
        ReasonCode = row.GetString("ReasonCode") ?? string.Empty,
        AmountCents = row.GetInt64("AmountCents") ?? 0,
        At = row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        SupporterName = row.GetString("SupporterName") ?? string.Empty,
    };
}
