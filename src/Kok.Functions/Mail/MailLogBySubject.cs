using Azure.Data.Tables;
using Kok.Domain.Mail;
using Kok.Functions.Storage;

namespace Kok.Functions.Mail;

/// <summary>
/// Mails in the mail log (partition = subject id) about one subject: the subject id itself and every id under it
/// (<c>{subject}:…</c>), in one partition-key range query (<c>ge "x"</c> and <c>lt "x;"</c>, ';' sorting right after
/// ':'), so the cost does not grow with other supporters. Kinds this version does not know are left out.
/// </summary>
internal static class MailLogBySubject
{
    public static async Task AddAsync(TableClient table, string subject, List<MailLogEntry> entries, CancellationToken cancellationToken)
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
