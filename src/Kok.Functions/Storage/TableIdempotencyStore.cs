using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Common;

namespace Kok.Functions.Storage;

/// <summary>
/// Idempotency keys in Table Storage. The client's key is hashed (it is client data: any length, any characters),
/// and the hash is the partition key, so claims spread across partitions. A claim is one insert; only when the key
/// was used before does it cost a read.
/// </summary>
public sealed class TableIdempotencyStore(StorageClients storage) : IIdempotencyStore
{
    public async Task<StoredIdempotencyRecord?> ClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await storage.TableAsync(TableNames.IdempotencyKeys);
        try
        {
            await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(PartitionKey(record.Key), record.Scope, cancellationToken: cancellationToken);
            return new StoredIdempotencyRecord(FromEntity(existing.Value, record.Key), existing.Value.ETag.ToString());
        }
    }

    public async Task<bool> TryReplaceAsync(IdempotencyRecord record, string expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await storage.TableAsync(TableNames.IdempotencyKeys);
        try
        {
            await table.UpdateEntityAsync(ToEntity(record), new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static string PartitionKey(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    private static TableEntity ToEntity(IdempotencyRecord record) => new(PartitionKey(record.Key), record.Scope)
    {
        ["RequestHash"] = record.RequestHash,
        ["ResourceId"] = record.ResourceId,
        ["CreatedAt"] = record.CreatedAt,
    };

    private static IdempotencyRecord FromEntity(TableEntity entity, string key) => new(
        entity.RowKey,
        key,
        entity.GetString("RequestHash"),
        entity.GetString("ResourceId"),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
