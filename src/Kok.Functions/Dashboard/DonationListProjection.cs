using Kok.Domain.Donations;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Keeps the dashboard's donation list (<see cref="DonationListIndex"/>; the mark is a hash of the shown columns): a
/// new donation's row goes in before its insert, so no stored donation is ever missing from the list (1 upsert on the
/// form's path). When a later save changes something shown, the row follows off the request's path
/// (<see cref="ProjectionPhase.Deferred"/>, ADR 0006): written from the donation as stored, only if the row does not
/// show that revision or a later one already (1 read and 1 conditional write).
/// </summary>
internal sealed class DonationListProjection(StorageClients storage) : IProjection<Donation>
{
    private readonly DonationListIndex list = new(storage);

    public string Name => "list";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.Deferred;

    public PersonalDataDeclaration? PersonalData { get; } = new(
        TableNames.DashboardDonationList,
        ["DonorName", "Email", "Street", "PostalCode", "City", "Country", "Search", "EmailKey: SHA-256 of the email address"],
        PersonalDataErasure.Delete,
        "The staff's donation list and its CSV export (with the receipt address).");

    public string? Mark(Donation aggregate) => DonationListIndex.Of(aggregate).Hash;

    public Task BeforeWriteAsync(ProjectionStep<Donation> save, CancellationToken cancellationToken) =>
        save.IsNew ? list.WriteAsync(DonationListIndex.Of(save.Aggregate), cancellationToken) : Task.CompletedTask;

    public bool NeedsRefresh(ProjectionStep<Donation> save) => !save.IsNew && save.Changed;

    /// <summary>An erased donation (Art. 17 DSGVO) is in no list: its row goes instead of showing the pseudonym.</summary>
    public Task RefreshAsync(ProjectionRefresh<Donation> refresh, CancellationToken cancellationToken) =>
        ErasedSupporter.IsErased(refresh.Aggregate.Donor.Email)
            ? list.DeleteAsync(refresh.Aggregate, cancellationToken)
            : list.WriteIfNewerAsync(DonationListIndex.Of(refresh.Aggregate), refresh.Revision, cancellationToken);
}
