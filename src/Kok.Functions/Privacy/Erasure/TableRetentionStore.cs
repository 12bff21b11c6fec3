using Azure;
using Azure.Data.Tables;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Privacy.Erasure;
using Kok.Domain.Receipts;
using Kok.Domain.SelfService;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// <see cref="IRetentionStore"/> on Table and Blob Storage. The register's receipts are its <c>number-…</c> rows (one
/// range query of the register's partition); deleting one removes every register row that points to it (the receipt
/// row, its payment rows, a Sammelbestätigung's donor row) and both PDFs (original and void copy). Unpaid candidates
/// are read by the aggregates' <c>Status</c> and <c>CreatedAt</c> columns, then loaded whole for the domain to decide.
/// </summary>
public sealed class TableRetentionStore(StorageClients storage, IDonationRepository donations, IMemberRepository members) : IRetentionStore
{
    public async Task<IReadOnlyList<RegisteredReceipt>> ReceiptsAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var from = ReceiptRegisterRows.NumberKey(string.Empty);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReceiptRegisterRows.Partition} and RowKey ge {from} and RowKey lt {from[..^1] + "."}");
        var receipts = new List<RegisteredReceipt>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Number", "IssueDate"], cancellationToken: cancellationToken))
        {
            if (row.GetString("Number") is { } number && row.GetString("IssueDate") is { } issued)
            {
                receipts.Add(new RegisteredReceipt(number, ReceiptRegisterRows.ParseDate(issued)));
            }
        }

        return receipts;
    }

    public async Task DeleteReceiptAsync(string number, CancellationToken cancellationToken)
    {
        // The PDFs first: a run that stops half-way finds the register row again and finishes.
        var container = await storage.ContainerAsync(BlobReceiptArchive.ContainerName);
        foreach (var copy in new[] { ReceiptCopy.Original, ReceiptCopy.Withdrawn })
        {
            await container.GetBlobClient(BlobReceiptArchive.BlobName(number, copy)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReceiptRegisterRows.Partition} and Number eq {number}");
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row.RowKey);
        }

        // The receipt's own row last, so that the run finds what is left of a receipt it did not finish.
        foreach (var rowKey in rows.OrderBy(k => k == ReceiptRegisterRows.NumberKey(number)))
        {
            try
            {
                await table.DeleteEntityAsync(ReceiptRegisterRows.Partition, rowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }
    }

    public async Task<SupporterRecords> UnpaidCreatedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var donationIds = await IdsAsync(TableNames.Donations, before,
            [StoredNames.Name(DonationStatus.Pending), StoredNames.Name(DonationStatus.Failed), StoredNames.Name(DonationStatus.Cancelled)], cancellationToken);
        var memberIds = await IdsAsync(TableNames.Members, before,
            [StoredNames.Name(MembershipStatus.Pending), StoredNames.Name(MembershipStatus.Ended)], cancellationToken);
        var foundDonations = new List<Donation>();
        foreach (var id in donationIds)
        {
            if (await donations.GetAsync(id, cancellationToken) is { } stored)
            {
                foundDonations.Add(stored.Donation);
            }
        }

        var foundMembers = new List<Member>();
        foreach (var id in memberIds)
        {
            if (await members.GetAsync(id, cancellationToken) is { } stored)
            {
                foundMembers.Add(stored.Member);
            }
        }

        return new SupporterRecords(foundDonations, foundMembers);
    }

    private async Task<IReadOnlyList<string>> IdsAsync(string tableName, DateTimeOffset before, string[] statuses, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName);
        var ids = new List<string>();
        foreach (var status in statuses)
        {
            var filter = TableClient.CreateQueryFilter($"Status eq {status} and CreatedAt lt {before}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                ids.Add(row.PartitionKey);
            }
        }

        return ids;
    }
}
