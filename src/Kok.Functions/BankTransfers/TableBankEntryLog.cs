using Azure.Data.Tables;
using Kok.Domain.BankTransfers;
using Kok.Functions.Storage;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// <see cref="TableNames.BankEntries"/>: one row per imported statement entry, partition = its identity (a hash, so a
/// point read), row key empty; outcome, donation id, amount, booking date and import time. No personal data: payer
/// names, IBANs and remittance texts stay in the bank's file.
/// </summary>
public sealed class TableBankEntryLog(StorageClients storage) : IBankEntryLog
{
    public async Task<BankEntryRecord?> GetAsync(string identity, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.BankEntries);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(identity, string.Empty, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        return new BankEntryRecord(
            identity,
            StoredNames.Parse<BankEntryOutcome>(entity.GetString("Outcome")),
            entity.GetString("DonationId"),
            entity.GetInt64("AmountCents") ?? 0,
            StoredNames.ParseDate(entity.GetString("BookingDate")),
            entity.GetDateTimeOffset("ImportedAt") ?? DateTimeOffset.MinValue);
    }

    public async Task RecordAsync(BankEntryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await storage.TableAsync(TableNames.BankEntries);
        await table.UpsertEntityAsync(
            new TableEntity(record.Identity, string.Empty)
            {
                ["Outcome"] = StoredNames.Name(record.Outcome),
                ["DonationId"] = record.DonationId,
                ["AmountCents"] = record.AmountCents,
                ["BookingDate"] = StoredNames.Date(record.BookingDate),
                ["ImportedAt"] = record.ImportedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }
}
