using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Functions.Storage;

namespace Kok.Functions.Mail;

/// <summary>
/// The mail log in Table Storage: partition = the mail's subject id (e.g. <c>donation:don_…:pay_…</c>), row = its kind
/// (<c>donation_thank_you</c>), so all mails about one payment sit together. One request per call; an entry stored as
/// failed (final) is then counted in the dashboard totals.
/// </summary>
public sealed class TableMailLog(StorageClients storage, IDashboardTotals? totals = null) : IMailLog
{
    public async Task<MailLogEntry?> GetAsync(MailLogKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(TableNames.MailLog);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key.SubjectId, StoredNames.Name(key.Kind), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? FromEntity(key, entity) : null;
    }

    public async Task<bool> TryAddAsync(MailLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await storage.TableAsync(TableNames.MailLog);
        try
        {
            await table.AddEntityAsync(ToEntity(entry), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(MailLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await storage.TableAsync(TableNames.MailLog);
        try
        {
            await table.UpdateEntityAsync(ToEntity(entry), entry.Version is { } version ? new ETag(version) : ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }

        await CountFailureAsync(entry, cancellationToken);
        return true;
    }

    public async Task SaveAsync(MailLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await storage.TableAsync(TableNames.MailLog);
        await table.UpsertEntityAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken);
        await CountFailureAsync(entry, cancellationToken);
    }

    private Task CountFailureAsync(MailLogEntry entry, CancellationToken cancellationToken) =>
        totals is not null && entry.State == MailLogState.Failed
            ? totals.ApplyAsync(MailContribution.EntityId(entry.Key), MailContribution.Of(entry), cancellationToken)
            : Task.CompletedTask;

    private static TableEntity ToEntity(MailLogEntry entry)
    {
        var entity = new TableEntity(entry.Key.SubjectId, StoredNames.Name(entry.Key.Kind))
        {
            ["State"] = StoredNames.Name(entry.State),
            ["Attempts"] = entry.Attempts,
            ["FirstAttemptAt"] = entry.FirstAttemptAt,
            ["LastAttemptAt"] = entry.LastAttemptAt,
        };

        // Absent rather than null: a replaced entity then simply has no such column.
        void Optional(string name, object? value)
        {
            if (value is not null)
            {
                entity[name] = value;
            }
        }

        Optional("LeaseUntil", entry.LeaseUntil);
        Optional("MessageId", entry.MessageId);
        Optional("ReceiptNumber", entry.ReceiptNumber);
        Optional("FailureReason", entry.FailureReason);
        Optional("LastError", entry.LastError);
        Optional("CompletedAt", entry.CompletedAt);
        return entity;
    }

    internal static MailLogEntry FromEntity(MailLogKey key, TableEntity entity)
    {
        var first = entity.GetDateTimeOffset("FirstAttemptAt") ?? DateTimeOffset.MinValue;
        return MailLogEntry.Restore(key, first) with
        {
            State = StoredNames.Parse<MailLogState>(entity.GetString("State")),
            Attempts = entity.GetInt32("Attempts") ?? 0,
            LastAttemptAt = entity.GetDateTimeOffset("LastAttemptAt") ?? first,
            LeaseUntil = entity.GetDateTimeOffset("LeaseUntil"),
            MessageId = entity.GetString("MessageId"),
            ReceiptNumber = entity.GetString("ReceiptNumber"),
            FailureReason = entity.GetString("FailureReason"),
            LastError = entity.GetString("LastError"),
            CompletedAt = entity.GetDateTimeOffset("CompletedAt"),
            Version = entity.ETag.ToString(),
        };
    }
}
