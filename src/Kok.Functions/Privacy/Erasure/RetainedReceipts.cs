using System.Globalization;
using Azure.Data.Tables;
using Kok.Domain.Privacy.Erasure;
using Kok.Domain.Receipts;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// The receipts of an erased supporter in the register: found through the register's payment rows of the subject's
/// donations and memberships (single receipts and Sammelbestätigungen alike), locked by two columns on the receipt's
/// row (<see cref="LockedAtColumn"/>, <see cref="RetainedUntilColumn"/>: the last day tax law asks for it, the end of
/// the year of issue plus <see cref="RetentionPeriods.ReceiptYears"/>). A locked receipt is in no list or search;
/// staff may still download it, marked "gesperrt". The retention run deletes it the day after its retention.
/// </summary>
public sealed class RetainedReceipts(StorageClients storage, RetentionPeriods retention)
{
    public const string LockedAtColumn = "LockedAt";
    public const string RetainedUntilColumn = "RetainedUntil";

    public async Task<IReadOnlyList<Found>> FindAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        var subjects = subject.DonationIds.Select(id => ReceiptPaymentKey.SubjectKey(ReceiptSubjectKind.Donation, id))
            .Concat(subject.MemberIds.Select(id => ReceiptPaymentKey.SubjectKey(ReceiptSubjectKind.Membership, id)));
        foreach (var key in subjects)
        {
            var from = ReceiptRegisterRows.PaymentPrefix(key);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReceiptRegisterRows.Partition} and RowKey ge {from} and RowKey lt {from[..^1] + ";"}");
            await foreach (var pointer in table.QueryAsync<TableEntity>(filter, select: ["Number"], cancellationToken: cancellationToken))
            {
                if (pointer.GetString("Number") is { } number)
                {
                    numbers.Add(number);
                }
            }
        }

        var found = new List<Found>();
        foreach (var number in numbers)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(ReceiptRegisterRows.Partition, ReceiptRegisterRows.NumberKey(number), cancellationToken: cancellationToken);
            if (row.HasValue && row.Value is { } entity)
            {
                var issued = ReceiptRegisterRows.ParseDate(entity.GetString("IssueDate"));
                found.Add(new Found(number, entity.GetString("WithdrawnOn") is not null, retention.ReceiptRetainedUntil(issued)));
            }
        }

        return found;
    }

    /// <summary>Marks the receipt rows locked with their retention end (a merge; locking again changes nothing).</summary>
    public async Task LockAsync(IReadOnlyList<Found> receipts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        foreach (var receipt in receipts)
        {
            var entity = new TableEntity(ReceiptRegisterRows.Partition, ReceiptRegisterRows.NumberKey(receipt.Number))
            {
                [LockedAtColumn] = now,
                [RetainedUntilColumn] = ReceiptRegisterRows.Date(receipt.RetainedUntil),
            };
            await table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    /// <summary>Whether receipt <paramref name="number"/> is locked (its supporter's data was erased).</summary>
    public async Task<bool> IsLockedAsync(string number, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ReceiptRegisterRows.Partition, ReceiptRegisterRows.NumberKey(number), [LockedAtColumn], cancellationToken);
        return row.HasValue && row.Value?.GetDateTimeOffset(LockedAtColumn) is not null;
    }

    /// <summary>The numbers of the locked receipts of <paramref name="year"/>, to leave out of the staff's list and search.</summary>
    public async Task<IReadOnlySet<string>> LockedInAsync(int year, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var prefix = ReceiptRegisterRows.NumberKey(year.ToString("0000", CultureInfo.InvariantCulture) + "-");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReceiptRegisterRows.Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        var locked = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Number", LockedAtColumn], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset(LockedAtColumn) is not null && row.GetString("Number") is { } number)
            {
                locked.Add(number);
            }
        }

        return locked;
    }

    /// <summary>One receipt of the subject: its number, whether it was withdrawn (then a void copy exists too) and its retention end.</summary>
    public sealed record Found(string Number, bool Withdrawn, DateOnly RetainedUntil);
}
