using Azure;
using Azure.Data.Tables;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Privacy.Erasure;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.ErasureRequests;

/// <summary>
/// The erasure's part in <see cref="TableNames.ErasureRequests"/>: the subject's open request (found by the key of
/// the address staff erase) is deleted with its address and message, and in its place stays a trace that names no one
/// (request id, when asked, when closed, "erased"), so the office can still show that a request was answered and when.
/// Runs last: an erasure that stops half-way leaves the request open and staff can confirm again.
/// </summary>
internal sealed class ErasureRequestCloser(StorageClients storage) : IDeclaredEraser
{
    public PersonalDataDeclaration Declaration => TableErasureRequestStore.PersonalData;

    public int Order => EraserOrder.Lists + 10;

    public async Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        new(Declaration.Store, ErasureAction.Delete, await OpenAsync(subject, cancellationToken) is null ? 0 : 1);

    public async Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (await OpenAsync(subject, cancellationToken) is not { } open)
        {
            return new StoreErasure(Declaration.Store, ErasureAction.Delete, 0);
        }

        var table = await storage.TableAsync(TableNames.ErasureRequests);
        await table.UpsertEntityAsync(
            new TableEntity(TableErasureRequestStore.ClosedPartition, open.GetString("RequestId"))
            {
                ["RequestedAt"] = open.GetDateTimeOffset("RequestedAt"),
                ["ClosedAt"] = subject.At,
                ["Outcome"] = "erased",
            },
            TableUpdateMode.Replace,
            cancellationToken);
        try
        {
            await table.DeleteEntityAsync(open.PartitionKey, open.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }

        return new StoreErasure(Declaration.Store, ErasureAction.Delete, 1);
    }

    private async Task<TableEntity?> OpenAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ErasureRequests);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableErasureRequestStore.OpenPartition, subject.SupporterKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
