using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// The annual runs' records (one row per year in the index table's <c>run</c> partition) and their progress: the
/// donor groups done are the register's donor rows of the year (one range query over the receipts' own pointer rows,
/// so no extra write per receipt), the failures the length of <c>annual-receipts-poison</c> (one request).
/// </summary>
public sealed class TableAnnualReceiptRuns(StorageClients storage) : IAnnualReceiptRuns
{
    public async Task RecordAsync(AnnualReceiptRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await storage.TableAsync(TableNames.AnnualReceiptIndex);
        await table.UpsertEntityAsync(
            new TableEntity(AnnualReceiptIndexRows.RunPartition, AnnualReceiptIndexRows.Partition(run.Year))
            {
                ["Donors"] = run.Donors,
                ["Payments"] = run.Payments,
                ["TotalCents"] = run.TotalCents,
                ["StartedAt"] = run.StartedAt,
                ["StartedBy"] = run.StartedBy,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<AnnualReceiptRun?> GetAsync(int year, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AnnualReceiptIndex);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            AnnualReceiptIndexRows.RunPartition, AnnualReceiptIndexRows.Partition(year), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity
            ? new AnnualReceiptRun(
                year,
                entity.GetInt32("Donors") ?? 0,
                entity.GetInt32("Payments") ?? 0,
                entity.GetInt64("TotalCents") ?? 0,
                entity.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
                entity.GetString("StartedBy") ?? string.Empty)
            : null;
    }

    public async Task<IReadOnlySet<ReceiptDonorKey>> IssuedAsync(int year, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var prefix = "annual-" + year.ToString("0000", CultureInfo.InvariantCulture) + "-";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ReceiptRegisterRows.Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        var keys = new HashSet<ReceiptDonorKey>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(new ReceiptDonorKey(entity.RowKey[prefix.Length..]));
        }

        return keys;
    }

    public async Task<int> FailedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = await storage.Queue(IAnnualReceiptQueue.QueueName + QueueMessageHandler.PoisonSuffix).GetPropertiesAsync(cancellationToken);
            return properties.Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }
}
