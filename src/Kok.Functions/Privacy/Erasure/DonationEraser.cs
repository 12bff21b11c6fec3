using Kok.Domain.Donations;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Donations;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// The donations: each saved once more, through the save pipeline (so the totals and indexes follow), with the donor
/// replaced by <see cref="ErasedSupporter"/>; amounts, dates, payments and receipt data stay for the books.
/// </summary>
internal sealed class DonationEraser(IDonationRepository donations) : IDeclaredEraser
{
    public PersonalDataDeclaration Declaration { get; } = new DonationRows().PersonalData;

    public int Order => EraserOrder.Aggregates;

    public Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult(new StoreErasure(Declaration.Store, ErasureAction.Pseudonymise, subject.Donations.Count));

    public async Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        foreach (var id in subject.DonationIds)
        {
            await EraseOneAsync(id, cancellationToken);
        }

        return new StoreErasure(Declaration.Store, ErasureAction.Pseudonymise, subject.Donations.Count);
    }

    private Task EraseOneAsync(string id, CancellationToken cancellationToken) =>
        ErasingSave.RunAsync(id, async () =>
            await donations.GetAsync(id, cancellationToken) is not { } stored || ErasedSupporter.IsErased(stored.Donation.Donor.Email)
                ? null
                : await donations.TrySaveAsync(ErasedSupporter.Pseudonymise(stored.Donation), stored.Version, [], cancellationToken));
}
