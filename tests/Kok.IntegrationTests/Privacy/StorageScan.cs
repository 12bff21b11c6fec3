using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using UglyToad.PdfPig;

namespace Kok.IntegrationTests.Privacy;

/// <summary>
/// Reads everything a storage account holds, for the privacy tests: every column of every table row (and the keys),
/// every blob (PDFs by their text, the rest as bytes read as text) and every waiting queue message, and says where a
/// marker occurs; and fingerprints all of it (row ETags, blob ETags, message ids) to show that something changed
/// nothing.
/// </summary>
internal static class StorageScan
{
    /// <summary>Every place ("table.column", "blob:container", "queue:name") whose text contains one of <paramref name="markers"/>.</summary>
    public static async Task<IReadOnlyList<string>> WhereAsync(string connectionString, params string[] markers)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        bool Holds(string? text) => text is not null && markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

        var tables = new TableServiceClient(connectionString);
        await foreach (var item in tables.QueryAsync())
        {
            await foreach (var entity in tables.GetTableClient(item.Name).QueryAsync<TableEntity>())
            {
                foreach (var (column, value) in entity)
                {
                    if (value is string text && Holds(text))
                    {
                        found.Add($"{item.Name}.{column.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')}");
                    }
                }

                if (Holds(entity.PartitionKey) || Holds(entity.RowKey))
                {
                    found.Add($"{item.Name}.Key");
                }
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                if (Holds(Text(blob.Name, bytes)))
                {
                    found.Add("blob:" + container.Name);
                }
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            var messages = (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value;
            if (messages.Any(m => Holds(m.Body.ToString()) || Holds(Base64(m.Body.ToString()))))
            {
                found.Add("queue:" + queue.Name);
            }
        }

        return [.. found];
    }

    /// <summary>Every row's, blob's and waiting message's identity and version, leaving out the tables named.</summary>
    public static async Task<IReadOnlyList<string>> FingerprintAsync(string connectionString, params string[] exceptTables)
    {
        var prints = new List<string>();
        var tables = new TableServiceClient(connectionString);
        await foreach (var item in tables.QueryAsync())
        {
            if (exceptTables.Contains(item.Name, StringComparer.Ordinal))
            {
                continue;
            }

            await foreach (var entity in tables.GetTableClient(item.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                prints.Add($"{item.Name}|{entity.PartitionKey}|{entity.RowKey}|{entity.ETag}");
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                prints.Add($"blob:{container.Name}|{blob.Name}|{blob.Properties.ETag}");
            }
        }

        prints.Sort(StringComparer.Ordinal);
        return prints;
    }

    private static string Text(string name, byte[] bytes)
    {
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        using var pdf = PdfDocument.Open(bytes);
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    private static string? Base64(string text)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
