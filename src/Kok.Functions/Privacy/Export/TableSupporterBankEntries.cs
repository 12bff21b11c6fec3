using Azure.Data.Tables;
using Kok.Domain.BankTransfers;
using Kok.Domain.Privacy.Export;
using Kok.Functions.Storage;

namespace Kok.Functions.Privacy.Export;

/// <summary>
/// The rows of <see cref="TableNames.BankEntries"/> (kept by <see cref="BankTransfers.TableBankEntryLog"/>) that name
/// a donation: one filtered query per donation over the table, which has no index by donation (an export is a rare
/// staff or supporter request; the import path stays as it is). Which kind of row it is follows from its keys.
/// </summary>
public sealed class TableSupporterBankEntries(StorageClients storage) : ISupporterBankEntries
{
    private const string UnmatchedPartition = "unmatched";
    private const string PayerPrefix = "payer:";

    public async Task<IReadOnlyList<ExportedBankEntry>> ListAsync(IReadOnlyCollection<string> donationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donationIds);
        if (donationIds.Count == 0)
        {
            return [];
        }

        var table = await storage.TableAsync(TableNames.BankEntries);
        var entries = new List<ExportedBankEntry>();
        foreach (var id in donationIds.Distinct(StringComparer.Ordinal))
        {
            var filter = TableClient.CreateQueryFilter($"DonationId eq {id} or SuggestedDonationId eq {id}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                entries.Add(Entry(id, row));
            }
        }

        return entries;
    }

    private static ExportedBankEntry Entry(string donationId, TableEntity row)
    {
        if (row.PartitionKey.StartsWith(PayerPrefix, StringComparison.Ordinal))
        {
            return new ExportedBankEntry(donationId) { RemembersPayerAccount = true };
        }

        var common = new ExportedBankEntry(donationId)
        {
            AmountCents = row.GetInt64("AmountCents"),
            BookingDate = row.GetString("BookingDate") is { Length: > 0 } date ? StoredNames.ParseDate(date) : null,
            ImportedAt = row.GetDateTimeOffset("ImportedAt"),
        };
        return row.PartitionKey == UnmatchedPartition
            ? common with
            {
                Outcome = BankEntryOutcome.Unmatched,
                PayerName = row.GetString("PayerName"),
                PayerIbanMasked = row.GetString("PayerIbanMasked"),
                Remittance = row.GetString("Remittance"),
            }
            : common with { Outcome = StoredNames.Parse<BankEntryOutcome>(row.GetString("Outcome")) };
    }
}
