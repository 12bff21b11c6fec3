using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Dashboard;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// The staff's donation list: the subject's rows go (erased records are in no list or search). Run after the donations
/// were saved under their pseudonym; from then on the list's projection deletes instead of writing them.
/// </summary>
internal sealed class DonationListEraser(StorageClients storage) : IDeclaredEraser
{
    private readonly DonationListIndex list = new(storage);

    public PersonalDataDeclaration Declaration { get; } = new DonationListProjection(storage).PersonalData!;

    public int Order => EraserOrder.Lists;

    public Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult(new StoreErasure(Declaration.Store, ErasureAction.Delete, subject.Donations.Count));

    public async Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        foreach (var donation in subject.Donations)
        {
            await list.DeleteAsync(donation, cancellationToken);
        }

        return new StoreErasure(Declaration.Store, ErasureAction.Delete, subject.Donations.Count);
    }
}
