using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Functions.Storage;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Writes the dashboard's donation list (<see cref="TableNames.DashboardDonationList"/>): partition = Berlin year of
/// creation, row key = inverted creation ticks + <c>|</c> + id, so a year reads newest first; the row holds the
/// display columns and a lower-cased search column. A donation's key never moves, only its columns do: the row is
/// upserted before the donation is inserted (1 request, so no stored donation is ever missing from the list), and
/// when a later save changed something shown (the donation row remembers the hash as <see cref="DonationListProjection"/>'s
/// mark) it is rewritten off the request's path with the donation's revision, never over a later one. Rows written
/// before the receipt columns existed lack them (the CSV leaves those cells empty) until the donation's next save.
/// </summary>
internal sealed class DonationListIndex(StorageClients storage)
{
    public const string WantsReceiptColumn = "WantsReceipt";

    /// <summary>The donor's <see cref="Kok.Domain.SelfService.SupporterKey"/> (a hash of the address), by which "Mein KOK" finds a supporter's donations.</summary>
    public const string EmailKeyColumn = "EmailKey";

    /// <summary>The donation's revision the row shows (absent: the row written before the donation's insert).</summary>
    public const string RevisionColumn = "Revision";
    private const int MaxAttempts = 5;

    public static Listing Of(Donation donation)
    {
        var item = DonationListItem.From(donation);
        var address = donation.Donor.Address;
        var columns = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            // For the CSV only: the receipt wish and the address staff write the Zuwendungsbestätigung to.
            [WantsReceiptColumn] = donation.WantsReceipt,
            ["Street"] = address?.Street,
            ["PostalCode"] = address?.PostalCode,
            ["City"] = address?.City,
            ["Country"] = address?.Country,
            ["DonationId"] = item.Id,
            ["CreatedAt"] = item.CreatedAt,
            ["DonorName"] = item.DonorName,
            ["Email"] = item.Email,
            ["AmountCents"] = item.AmountCents,
            ["Interval"] = Snake(item.Interval.ToString()),
            ["Status"] = Snake(item.Status.ToString()),
            ["PaidCents"] = item.PaidCents,
            ["PaymentMethod"] = item.PaymentMethod is { } method ? Snake(method.ToString()) : null,
            ["Search"] = DonationListItem.SearchText(item.Id, item.DonorName, item.Email),
            [EmailKeyColumn] = Kok.Domain.SelfService.SupporterKey.Of(donation.Donor.Email),
        };
        var text = string.Join("\n", columns.Select(c => c.Key + "=" + Convert.ToString(c.Value, CultureInfo.InvariantCulture)));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        return new Listing(Partition(item.CreatedAt), RowKey(item.CreatedAt, item.Id), hash, columns);
    }

    public static string Partition(DateTimeOffset createdAt) => DashboardScope.YearOf(createdAt);

    public static string Partition(int year) => DashboardScope.Year(year);

    public static string RowKey(DateTimeOffset createdAt, string id) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + id;

    public async Task WriteAsync(Listing listing, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardDonationList);
        var entity = new TableEntity(listing.Partition, listing.RowKey);
        foreach (var (name, value) in listing.Columns)
        {
            entity[name] = value;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="listing"/> as the donation at <paramref name="revision"/> unless the row shows that
    /// revision or a later one: a refresh that comes late or twice changes nothing. 1 read + 1 conditional write.
    /// </summary>
    public async Task WriteIfNewerAsync(Listing listing, long revision, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DashboardDonationList);
        var entity = new TableEntity(listing.Partition, listing.RowKey) { [RevisionColumn] = revision };
        foreach (var (name, value) in listing.Columns)
        {
            entity[name] = value;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(listing.Partition, listing.RowKey, [RevisionColumn], cancellationToken);
            if (row.HasValue && row.Value!.GetInt64(RevisionColumn) >= revision)
            {
                return;
            }

            try
            {
                await (row.HasValue
                    ? table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : table.AddEntityAsync(entity, cancellationToken));
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another refresh wrote meanwhile: read again, it may have been a later revision.
            }
        }
    }

    /// <summary>Deletes the donation's row (an erased donation is in no list); one already gone counts as deleted.</summary>
    public async Task DeleteAsync(Donation donation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var table = await storage.TableAsync(TableNames.DashboardDonationList);
        try
        {
            await table.DeleteEntityAsync(Partition(donation.CreatedAt), RowKey(donation.CreatedAt, donation.Id), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    /// <summary>A donation's row: where it lives, a hash of everything shown, its columns.</summary>
    internal sealed record Listing(string Partition, string RowKey, string Hash, IReadOnlyDictionary<string, object?> Columns);
}
