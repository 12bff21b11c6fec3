using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Staff actions in Table Storage (<c>DashboardAudit</c>): partition = the subject (<c>global</c> or a member id),
/// row = inverted ticks of the time plus the entry id, so a partition reads newest first. Entries are inserted, never
/// changed. Beside them, in the same partition, <c>latest:{action}</c> names the newest entry of an action recorded
/// with <see cref="TryRecordAsLatestAsync"/> (e.g. the last staff reminder), so entry and marker are written in one
/// entity-group transaction under the marker's ETag. Cost: record = 1 insert; latest = 1 point read; record as
/// latest = 1 transaction; list = 1 query.
/// </summary>
public sealed class TableAuditTrail(StorageClients storage) : IAuditTrail
{
    /// <summary>Who on the staff did what: the staff member's name, never the supporter's data (ids and facts only).</summary>
    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.DashboardAudit,
        ["StaffName (office staff, not supporters)"],
        PersonalDataErasure.RetainThenDelete,
        "Accountability for staff actions on supporters' data and money.");


    /// <summary>Marker rows start with this; entry rows start with digits, so they sort before every marker.</summary>
    private const string LatestPrefix = "latest:";

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await storage.TableAsync(TableNames.DashboardAudit);
        await table.AddEntityAsync(Entity(entry), cancellationToken);
    }

    public async Task<LatestAuditEntry?> GetLatestAsync(string subject, string action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var table = await storage.TableAsync(TableNames.DashboardAudit);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(subject, LatestPrefix + action, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } marker
            ? new LatestAuditEntry(marker.GetString("EntryId") ?? string.Empty, marker.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, marker.ETag.ToString())
            : null;
    }

    public async Task<bool> TryRecordAsLatestAsync(AuditEntry entry, LatestAuditEntry? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await storage.TableAsync(TableNames.DashboardAudit);
        var marker = new TableEntity(entry.Subject, LatestPrefix + entry.Action) { ["EntryId"] = entry.Id, ["At"] = entry.At };
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, Entity(entry)),
                    previous is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, marker)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, marker, new ETag(previous.Version)),
                ],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            // 409: another first marker was inserted; 412: the marker moved on since it was read.
            return false;
        }
    }

    private static TableEntity Entity(AuditEntry entry)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new TableEntity(entry.Subject, inverted + "-" + entry.Id)
        {
            ["EntryId"] = entry.Id,
            ["Action"] = entry.Action,
            ["StaffId"] = entry.StaffId,
            ["StaffName"] = entry.StaffName,
            ["At"] = entry.At,
            ["Details"] = entry.Details,
        };
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string subject, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var table = await storage.TableAsync(TableNames.DashboardAudit);
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {subject} and RowKey lt {LatestPrefix}"), maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
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
