using Azure;
using Azure.Data.Tables;
using Kok.Domain.BankTransfers;
using Kok.Domain.Dashboard;
using Kok.Functions.Dashboard;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// <see cref="TableNames.BankEntries"/>: one row per imported statement entry, partition = its identity (a hash, so a
/// point read), row key empty; outcome, donation id (or member id, for dues), amount, booking date and import time, no personal data. Entries
/// left unmatched are kept for staff in the partition <c>unmatched</c> (row key the identity; one range query a page),
/// with the payer's name, the masked IBAN and the remittance. A matched entry's payer is remembered under
/// <c>payer:{hash of the IBAN}</c> with the donation it paid (a pseudonym of the account, for suggestions).
/// </summary>
public sealed class TableBankEntryLog(StorageClients storage) : IBankEntryLog
{
    private const string UnmatchedPartition = "unmatched";

    /// <summary>The unmatched entries name the payer: kept while staff decide, then deleted with the supporter's data.</summary>
    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.BankEntries,
        ["PayerName, PayerIbanMasked, Remittance (unmatched entries)", "a hash of the payer's IBAN with the donation it paid (payer rows)"],
        PersonalDataErasure.Delete,
        "Credits on the association's account that no donation could be matched to, for staff to assign.");

    public async Task<BankEntryRecord?> GetAsync(string identity, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.BankEntries);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(identity, string.Empty, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        return Record(identity, entity);
    }

    public async Task RecordAsync(BankEntryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await storage.TableAsync(TableNames.BankEntries);
        await table.UpsertEntityAsync(Row(record), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task AddUnmatchedAsync(UnmatchedBankEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await storage.TableAsync(TableNames.BankEntries);
        await table.UpsertEntityAsync(
            new TableEntity(UnmatchedPartition, entry.Identity)
            {
                ["AmountCents"] = entry.AmountCents,
                ["BookingDate"] = StoredNames.Date(entry.BookingDate),
                ["PayerName"] = entry.PayerName,
                ["PayerIbanMasked"] = entry.PayerIbanMasked,
                ["Remittance"] = entry.Remittance.Length > 2000 ? entry.Remittance[..2000] : entry.Remittance,
                ["DonationId"] = entry.DonationId,
                ["SuggestedDonationId"] = entry.SuggestedDonationId,
                ["MemberId"] = entry.MemberId,
                ["ExplanationDe"] = entry.ExplanationDe,
                ["ExplanationEn"] = entry.ExplanationEn,
                ["ImportedAt"] = entry.ImportedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<ListPage<UnmatchedBankEntry>> ListUnmatchedAsync(string? after, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.BankEntries);
        var filter = IndexPager.Range(UnmatchedPartition, "a", "~", after);
        return await IndexPager.ReadAsync(table, filter, false, row => Task.FromResult<UnmatchedBankEntry?>(Unmatched(row)), cancellationToken);
    }

    public async Task<UnmatchedBankEntry?> GetUnmatchedAsync(string identity, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.BankEntries);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(UnmatchedPartition, identity, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Unmatched(entity) : null;
    }

    public async Task<bool> TryDecideAsync(BankEntryRecord decided, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var table = await storage.TableAsync(TableNames.BankEntries);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(decided.Identity, string.Empty, cancellationToken: cancellationToken);
        try
        {
            if (!row.HasValue || row.Value is not { } entity)
            {
                // An import that died between keeping the entry for staff and recording it.
                await table.AddEntityAsync(Row(decided), cancellationToken);
                return true;
            }

            var current = Record(decided.Identity, entity);
            if (current.Outcome == decided.Outcome && current.DonationId == decided.DonationId && current.MemberId == decided.MemberId)
            {
                return true;
            }

            if (current.Outcome != BankEntryOutcome.Unmatched)
            {
                return false;
            }

            // On the row's ETag: of two decisions at the same moment, the second finds the row changed.
            await table.UpdateEntityAsync(Row(decided), entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task RemoveUnmatchedAsync(string identity, CancellationToken cancellationToken) =>
        SideRows.DeleteAsync(storage, TableNames.BankEntries, UnmatchedPartition, identity, cancellationToken);

    public async Task RememberPayerAsync(string payerKey, string donationId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.BankEntries);
        await table.UpsertEntityAsync(new TableEntity(payerKey, string.Empty) { ["DonationId"] = donationId }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> FindPayerAsync(string payerKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.BankEntries);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(payerKey, string.Empty, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? entity.GetString("DonationId") : null;
    }

    private static TableEntity Row(BankEntryRecord record) => new(record.Identity, string.Empty)
    {
        ["Outcome"] = StoredNames.Name(record.Outcome),
        ["DonationId"] = record.DonationId,
        ["MemberId"] = record.MemberId,
        ["AmountCents"] = record.AmountCents,
        ["BookingDate"] = StoredNames.Date(record.BookingDate),
        ["ImportedAt"] = record.ImportedAt,
    };

    private static BankEntryRecord Record(string identity, TableEntity entity) => new(
        identity,
        StoredNames.Parse<BankEntryOutcome>(entity.GetString("Outcome")),
        entity.GetString("DonationId"),
        entity.GetInt64("AmountCents") ?? 0,
        StoredNames.ParseDate(entity.GetString("BookingDate")),
        entity.GetDateTimeOffset("ImportedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("MemberId"));

    private static UnmatchedBankEntry Unmatched(TableEntity row) => new()
    {
        Identity = row.RowKey,
        AmountCents = row.GetInt64("AmountCents") ?? 0,
        BookingDate = StoredNames.ParseDate(row.GetString("BookingDate")),
        PayerName = row.GetString("PayerName"),
        PayerIbanMasked = row.GetString("PayerIbanMasked"),
        Remittance = row.GetString("Remittance") ?? string.Empty,
        DonationId = row.GetString("DonationId"),
        SuggestedDonationId = row.GetString("SuggestedDonationId"),
        MemberId = row.GetString("MemberId"),
        ExplanationDe = row.GetString("ExplanationDe") ?? string.Empty,
        ExplanationEn = row.GetString("ExplanationEn") ?? string.Empty,
        ImportedAt = row.GetDateTimeOffset("ImportedAt") ?? DateTimeOffset.MinValue,
    };
}
