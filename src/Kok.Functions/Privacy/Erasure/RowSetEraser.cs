using Azure;
using Azure.Data.Tables;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// An eraser whose part is to delete (or, for <see cref="PersonalDataErasure.Keep"/>, only count) the rows of one
/// table that the subject's filters find; a row already gone counts as deleted.
/// </summary>
internal abstract class RowSetEraser(StorageClients storage) : IDeclaredEraser
{
    public abstract PersonalDataDeclaration Declaration { get; }

    public virtual int Order => EraserOrder.SideTables;

    private string Store => ((ISupporterEraser)this).Store;

    private ErasureAction Action => ((ISupporterEraser)this).Action;

    /// <summary>OData filters (each quoted with <see cref="TableClient.CreateQueryFilter(System.FormattableString)"/>) that find the subject's rows.</summary>
    protected abstract IEnumerable<string> Filters(ErasureSubject subject);

    public async Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        new(Store, Action, (await FindAsync(subject, cancellationToken)).Count);

    public async Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        var rows = await FindAsync(subject, cancellationToken);
        if (Action == ErasureAction.Delete)
        {
            var table = await storage.TableAsync(Table);
            foreach (var (partition, row) in rows)
            {
                try
                {
                    await table.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                }
            }
        }

        return new StoreErasure(Store, Action, rows.Count);
    }

    protected virtual string Table => Declaration.Store;

    private async Task<IReadOnlyList<(string Partition, string Row)>> FindAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(Table);
        var found = new HashSet<(string, string)>();
        foreach (var filter in Filters(subject))
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                found.Add((entity.PartitionKey, entity.RowKey));
            }
        }

        return found.ToList();
    }
}
