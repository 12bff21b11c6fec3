using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Kok.Functions.Storage;

/// <summary>
/// Key-only rows of the side tables projections keep: the day tables (the dues agenda, the member endings: one
/// partition per day <c>yyyy-MM-dd</c>, a row per member; ISO dates sort as text, so "on or before a day" is one range
/// query instead of reading every member) and index entries.
/// </summary>
internal static class SideRows
{
    public static async Task UpsertAsync(StorageClients storage, string tableName, string partition, string rowKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName);
        await table.UpsertEntityAsync(new TableEntity(partition, rowKey), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Idempotent: a row already gone is fine.</summary>
    public static async Task DeleteAsync(StorageClients storage, string tableName, string partition, string rowKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName);
        try
        {
            await table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: removing is idempotent.
        }
    }

    /// <summary>Every row on or before <paramref name="day"/>, oldest day first: (member id, day).</summary>
    public static async Task<IReadOnlyList<(string MemberId, DateOnly Day)>> OnOrBeforeAsync(
        StorageClients storage, string tableName, DateOnly day, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName);
        var last = StoredNames.Date(day);
        var due = new List<(string, DateOnly)>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey le {last}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            due.Add((row.RowKey, DateOnly.ParseExact(row.PartitionKey, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return due;
    }
}
