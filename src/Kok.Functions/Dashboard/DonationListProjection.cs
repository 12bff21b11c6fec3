using Kok.Domain.Donations;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Keeps the dashboard's donation list (<see cref="DonationListIndex"/>; the mark is a hash of the shown columns): a
/// new donation's row goes in before its insert, so no stored donation is ever missing from the list; after a save
/// the row is replaced only when something shown changed, once the donation is stored (a crash in between leaves the
/// row one save behind until the next one). One upsert, or nothing.
/// </summary>
internal sealed class DonationListProjection(StorageClients storage) : IProjection<Donation>
{
    private readonly DonationListIndex list = new(storage);

    public string Name => "list";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData { get; } = new(
        TableNames.DashboardDonationList,
        ["DonorName", "Email", "Street", "PostalCode", "City", "Country", "Search"],
        PersonalDataErasure.Delete,
        "The staff's donation list and its CSV export (with the receipt address).");

    public string? Mark(Donation aggregate) => DonationListIndex.Of(aggregate).Hash;

    public Task BeforeWriteAsync(ProjectionStep<Donation> save, CancellationToken cancellationToken) =>
        save.IsNew ? list.WriteAsync(DonationListIndex.Of(save.Aggregate), cancellationToken) : Task.CompletedTask;

    public Task AfterWriteAsync(ProjectionStep<Donation> save, CancellationToken cancellationToken) =>
        !save.IsNew && save.Changed ? list.WriteAsync(DonationListIndex.Of(save.Aggregate), cancellationToken) : Task.CompletedTask;
}
