using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Domain.Receipts;
using Kok.Functions.Mail;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Mails about one member from the mail log (partition = subject id): member mails under <c>mem_…</c> and
/// <c>mem_…:…</c>, receipt mails under <c>membership:mem_…:…</c>. Each is one partition-key range query
/// (<c>ge "x"</c> and <c>lt "x;"</c>, ';' sorting right after ':'), so the cost does not grow with other members.
/// </summary>
public sealed class TableMemberActivity(StorageClients storage) : IMemberActivity
{
    public async Task<IReadOnlyList<MailLogEntry>> ListMailsAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var table = await storage.TableAsync(TableNames.MailLog);
        var entries = new List<MailLogEntry>();
        foreach (var subject in new[] { memberId, ReceiptPaymentKey.SubjectKey(ReceiptSubjectKind.Membership, memberId) })
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {subject} and PartitionKey lt {subject + ";"}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if ((row.PartitionKey == subject || row.PartitionKey.StartsWith(subject + ":", StringComparison.Ordinal))
                    && Kind(row.RowKey) is { } kind)
                {
                    entries.Add(TableMailLog.FromEntity(new MailLogKey(kind, row.PartitionKey), row));
                }
            }
        }

        return entries;
    }

    private static MailKind? Kind(string rowKey)
    {
        try
        {
            return StoredNames.Parse<MailKind>(rowKey);
        }
        catch (FormatException)
        {
            // A kind this version does not know (written by a newer one): not shown rather than failing the page.
            return null;
        }
    }
}
