using System.Globalization;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Staff actions in Table Storage (<c>DashboardAudit</c>): partition = the subject (<c>global</c> or a member id),
/// row = inverted ticks of the time plus the entry id, so a partition reads newest first. Entries are inserted, never
/// changed. Cost: record = 1 insert; list = 1 query.
/// </summary>
public sealed class TableAuditTrail(StorageClients storage) : IAuditTrail
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await storage.TableAsync(TableNames.DashboardAudit);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(entry.Subject, inverted + "-" + entry.Id)
        {
            ["EntryId"] = entry.Id,
            ["Action"] = entry.Action,
            ["StaffId"] = entry.StaffId,
            ["StaffName"] = entry.StaffName,
            ["At"] = entry.At,
            ["Details"] = entry.Details,
        };
        await table.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string subject, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var table = await storage.TableAsync(TableNames.DashboardAudit);
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {subject}"), maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(
                row.GetString("EntryId") ?? row.RowKey,
                row.PartitionKey,
                row.GetString("Action") ?? string.Empty,
                row.GetString("StaffId") ?? string.Empty,
                row.GetString("StaffName") ?? string.Empty,
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetString("Details")));
            if (entries.Count >= max)
            {
                break;
            }
        }

        return entries;
    }
}
