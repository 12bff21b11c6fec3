using Azure;
using Azure.Data.Tables;
using Kok.Domain.Privacy.ErasureRequests;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.ErasureRequests;

/// <summary>
/// The open erasure requests in <see cref="TableNames.ErasureRequests"/>: partition <c>open</c>, row the supporter key
/// (so at most one per supporter; asking again is a 409 on the insert), with the request id, address, message and
/// time. The staff's list is one partition query, few rows. When the erasure closes a request
/// (<see cref="ErasureRequestCloser"/>) the row goes and a trace without personal data stays in partition <c>closed</c>.
/// </summary>
public sealed class TableErasureRequestStore(StorageClients storage) : IErasureRequestStore
{
    public const string OpenPartition = "open";
    public const string ClosedPartition = "closed";

    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.ErasureRequests,
        ["Key: SHA-256 of the email address (row of an open request)", "Email", "Message: the supporter's own words"],
        PersonalDataErasure.Delete,
        "Open requests from Mein KOK to erase the supporter's data, until staff carry out the erasure.");

    public async Task<OpenErasureRequest?> GetOpenAsync(string supporterKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ErasureRequests);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(OpenPartition, supporterKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? FromEntity(entity) : null;
    }

    public async Task<bool> TryAddAsync(OpenErasureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await storage.TableAsync(TableNames.ErasureRequests);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(OpenPartition, request.SupporterKey)
                {
                    ["RequestId"] = request.RequestId,
                    ["Email"] = request.Email,
                    ["Message"] = request.Message,
                    ["RequestedAt"] = request.RequestedAt,
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<OpenErasureRequest>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ErasureRequests);
        var open = new List<OpenErasureRequest>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}"), cancellationToken: cancellationToken))
        {
            open.Add(FromEntity(entity));
        }

        return [.. open.OrderBy(r => r.RequestedAt).ThenBy(r => r.RequestId, StringComparer.Ordinal)];
    }

    private static OpenErasureRequest FromEntity(TableEntity entity) => new(
        entity.GetString("RequestId"),
        entity.RowKey,
        entity.GetString("Email"),
        entity.GetString("Message"),
        entity.GetDateTimeOffset("RequestedAt")!.Value);
}
