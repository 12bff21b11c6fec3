using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Reads every contributing entity from the source tables for the recompute action: all members and donations (their
/// snapshots), the receipt rows of the register and the failed entries of the mail log. Cost: one query page per
/// 1,000 rows of each table; meant for a staff action, never for a page view.
/// </summary>
public sealed class TableDashboardSource(StorageClients storage) : IDashboardSource
{
    public async Task<IReadOnlyDictionary<string, DashboardContribution>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, DashboardContribution>(StringComparer.Ordinal);

        var members = await storage.TableAsync(TableNames.Members);
        await foreach (var row in members.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (Snapshot<MemberSnapshot>(row) is { } snapshot)
            {
                all[snapshot.Id] = MemberContribution.Of(Member.FromSnapshot(snapshot));
            }
        }

        var donations = await storage.TableAsync(TableNames.Donations);
        await foreach (var row in donations.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (Snapshot<DonationSnapshot>(row) is { } snapshot)
            {
                all[snapshot.Id] = DonationContribution.Of(Donation.FromSnapshot(snapshot));
            }
        }

        var register = await storage.TableAsync(TableNames.ReceiptRegister);
        var receipts = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableReceiptRegister.Partition} and RowKey ge {"number-"} and RowKey lt {"number."}");
        await foreach (var row in register.QueryAsync<TableEntity>(receipts, select: ["Number", "IssueDate"], cancellationToken: cancellationToken))
        {
            if (row.GetString("Number") is { } number && row.GetString("IssueDate") is { } issued)
            {
                all[ReceiptContribution.EntityId(number)] =
                    ReceiptContribution.Of(DateOnly.ParseExact(issued, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        var mailLog = await storage.TableAsync(TableNames.MailLog);
        var failed = TableClient.CreateQueryFilter($"State eq {StoredNames.Name(MailLogState.Failed)}");
        await foreach (var row in mailLog.QueryAsync<TableEntity>(failed, cancellationToken: cancellationToken))
        {
            var key = new MailLogKey(StoredNames.Parse<MailKind>(row.RowKey), row.PartitionKey);
            var first = row.GetDateTimeOffset("FirstAttemptAt") ?? DateTimeOffset.MinValue;
            var entry = MailLogEntry.Restore(key, first) with
            {
                State = MailLogState.Failed,
                LastAttemptAt = row.GetDateTimeOffset("LastAttemptAt") ?? first,
                CompletedAt = row.GetDateTimeOffset("CompletedAt"),
            };
            all[MailContribution.EntityId(key)] = MailContribution.Of(entry);
        }

        return all;
    }

    private static T? Snapshot<T>(TableEntity row)
        where T : class =>
        ChunkedProperty.Read(row, "Snapshot") is { } json ? JsonSerializer.Deserialize<T>(json, KokJson.Options) : null;
}
