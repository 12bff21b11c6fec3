using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Functions.Dashboard;
using Kok.Functions.Storage;

namespace Kok.Functions.Donations;

/// <summary>
/// Donations in Table Storage: one entity per donation (partition = donation id) holding its snapshot as JSON plus a
/// few plain columns for queries, and an index table mapping provider ids (payment intent, subscription) to
/// donation ids for events that carry none of ours. Costs: add = 1 insert; get = 1 point read; save = 1 conditional
/// replace plus 1 upsert per new reference. After a successful add or save the donation's dashboard contribution is
/// applied (<see cref="IDashboardTotals"/>); a failed write contributes nothing. The dashboard's donation list is
/// kept too (<see cref="DonationListIndex"/>): add = 1 upsert more (before the insert), save = 1 upsert more when
/// something the list shows changed.
/// </summary>
public sealed class TableDonationRepository(StorageClients storage, IDashboardTotals? totals = null) : IDonationRepository
{
    /// <summary>The row key of a donation's entity: its id again (see <see cref="Membership.TableMemberRepository.RowKeyOf"/> for why).</summary>
    internal static string RowKeyOf(string donationId) => donationId;
    private readonly DonationListIndex list = new(storage);

    public async Task<VersionedDonation?> GetAsync(string donationId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Donations);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(donationId, RowKeyOf(donationId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var json = ChunkedProperty.Read(response.Value, "Snapshot")
            ?? throw new InvalidOperationException($"Donation {donationId} has no snapshot.");
        var snapshot = JsonSerializer.Deserialize<DonationSnapshot>(json, KokJson.Options)
            ?? throw new InvalidOperationException($"Donation {donationId} has an empty snapshot.");
        var donation = Donation.FromSnapshot(snapshot);
        var version = new StoredVersion(response.Value.ETag.ToString(), null, response.Value.GetString(DonationListIndex.ListHashColumn));
        return new VersionedDonation(donation, version.ToString());
    }

    public async Task<bool> TryAddAsync(Donation donation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var listing = DonationListIndex.Of(donation);
        await list.WriteAsync(listing, cancellationToken);
        var table = await storage.TableAsync(TableNames.Donations);
        try
        {
            await table.AddEntityAsync(ToEntity(donation, listing), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        // A new donation has no payment yet: it contributes nothing, and skipping spares the read.
        if (donation.Payments.Count > 0)
        {
            await ApplyTotalsAsync(donation, cancellationToken);
        }

        return true;
    }

    public async Task<bool> TrySaveAsync(
        Donation donation,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donation);
        ArgumentNullException.ThrowIfNull(newReferences);
        if (newReferences.Count > 0)
        {
            var index = await storage.TableAsync(TableNames.DonationIndex);
            foreach (var reference in newReferences)
            {
                await index.UpsertEntityAsync(
                    new TableEntity(IndexKey(reference), reference.Value) { ["DonationId"] = donation.Id },
                    TableUpdateMode.Replace,
                    cancellationToken);
            }
        }

        var loaded = StoredVersion.Parse(expectedVersion);
        var listing = DonationListIndex.Of(donation);
        var table = await storage.TableAsync(TableNames.Donations);
        try
        {
            await table.UpdateEntityAsync(ToEntity(donation, listing), new ETag(loaded.ETag), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }

        if (loaded.ListHash != listing.Hash)
        {
            await list.WriteAsync(listing, cancellationToken);
        }

        await ApplyTotalsAsync(donation, cancellationToken);
        return true;
    }

    private Task ApplyTotalsAsync(Donation donation, CancellationToken cancellationToken) =>
        totals is null ? Task.CompletedTask : totals.ApplyAsync(donation.Id, DonationContribution.Of(donation), cancellationToken);

    public async Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var index = await storage.TableAsync(TableNames.DonationIndex);
        var response = await index.GetEntityIfExistsAsync<TableEntity>(IndexKey(reference), reference.Value, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value?.GetString("DonationId") : null;
    }

    private static string IndexKey(PaymentReference reference) => reference.Kind switch
    {
        PaymentReferenceKind.PaymentIntent => "pi:" + reference.Value,
        PaymentReferenceKind.Subscription => "sub:" + reference.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.Kind, "Unknown reference kind."),
    };

    private static TableEntity ToEntity(Donation donation, DonationListIndex.Listing listing)
    {
        var entity = new TableEntity(donation.Id, RowKeyOf(donation.Id))
        {
            ["Status"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(donation.Status.ToString()),
            ["AmountCents"] = donation.AmountCents,
            ["Interval"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(donation.Interval.ToString()),
            ["CreatedAt"] = donation.CreatedAt,
            [DonationListIndex.ListHashColumn] = listing.Hash,
        };
        ChunkedProperty.Write(entity, "Snapshot", JsonSerializer.Serialize(donation.ToSnapshot(), KokJson.Options));
        return entity;
    }
}
