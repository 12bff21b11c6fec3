using Azure.Data.Tables;
using Kok.Domain.Dashboard;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Reads a page of a dashboard index: rows of one key range, in key order, each turned into an item (or skipped)
/// by <c>accept</c>. Without a filter it asks for <see cref="ListPage{T}.Size"/> + 1 rows, one request whatever the
/// size of the index; with one (<c>q</c>, a status the key does not carry) it reads the range 1,000 rows a request
/// until the page is full. The continuation is the key of the last row shown (or read, when rows were skipped).
/// </summary>
internal static class IndexPager
{
    private const int FilteredPageSize = 1000;

    public static async Task<ListPage<T>> ReadAsync<T>(
        TableClient table,
        string filter,
        bool filtered,
        Func<TableEntity, Task<T?>> accept,
        CancellationToken cancellationToken)
        where T : class
    {
        var items = new List<(string Key, T Item)>();
        var perPage = filtered ? FilteredPageSize : ListPage<T>.Size + 1;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: perPage, cancellationToken: cancellationToken).AsPages())
        {
            string? lastRead = null;
            foreach (var row in page.Values)
            {
                lastRead = row.RowKey;
                if (await accept(row) is not { } item)
                {
                    continue;
                }

                items.Add((row.RowKey, item));
                if (items.Count > ListPage<T>.Size)
                {
                    return new ListPage<T>(items.Take(ListPage<T>.Size).Select(i => i.Item).ToList(), ListContinuation.Encode(items[ListPage<T>.Size - 1].Key));
                }
            }

            if (!filtered && page.ContinuationToken is not null && lastRead is not null)
            {
                // Rows were skipped as stale: a short page rather than a second request.
                return new ListPage<T>(items.Select(i => i.Item).ToList(), ListContinuation.Encode(lastRead));
            }
        }

        return new ListPage<T>(items.Select(i => i.Item).ToList(), null);
    }

    /// <summary>The filter of a key range of one partition, after the continuation key if any.</summary>
    public static string Range(string partition, string lower, string upper, string? after) =>
        after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper} and RowKey gt {after}");
}
