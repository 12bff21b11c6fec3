using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// Reads the annual run's index (<see cref="AnnualReceiptIndexRows"/>): a year is one partition query (1 request per
/// 1,000 payments), a donor group one range query within it. Kept by <see cref="AnnualReceiptIndexProjection"/>.
/// </summary>
public sealed class TableAnnualReceiptIndex(StorageClients storage) : IAnnualReceiptIndex
{
    public async IAsyncEnumerable<ReceiptablePayment> ListAsync(int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AnnualReceiptIndex);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AnnualReceiptIndexRows.Partition(year)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return AnnualReceiptIndexRows.FromEntity(entity);
        }
    }

    public async IAsyncEnumerable<ReceiptablePayment> ListAfterAsync(
        int year, ReceiptDonorKey afterDonorKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(afterDonorKey);
        var table = await storage.TableAsync(TableNames.AnnualReceiptIndex);
        var (_, afterGroup) = AnnualReceiptIndexRows.DonorRange(afterDonorKey);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AnnualReceiptIndexRows.Partition(year)} and RowKey ge {afterGroup}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return AnnualReceiptIndexRows.FromEntity(entity);
        }
    }

    public async Task<IReadOnlyList<ReceiptablePayment>> ListAsync(int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donorKey);
        var table = await storage.TableAsync(TableNames.AnnualReceiptIndex);
        var (from, to) = AnnualReceiptIndexRows.DonorRange(donorKey);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {AnnualReceiptIndexRows.Partition(year)} and RowKey ge {from} and RowKey lt {to}");
        var payments = new List<ReceiptablePayment>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            payments.Add(AnnualReceiptIndexRows.FromEntity(entity));
        }

        return payments;
    }
}
