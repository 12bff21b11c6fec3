using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Dashboard;
using Kok.Functions.Payments;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Donations;

/// <summary>
/// Donations in Table Storage: one row per donation (<see cref="DonationRows"/>), written by the save pipeline
/// (<see cref="AggregateStore{TAggregate}"/>) with the side tables its projections keep (<see cref="Projections"/>):
/// the shared payment-reference index, the dashboard's donation list and totals. Costs: add = list row (1 upsert,
/// before) + 1 insert (+ 1 upsert of its reference code and 1 of its transfer-reminder agenda row for a bank transfer); get = 1 point read; save = 1 conditional replace plus 1 upsert per new reference and, when
/// the list or the totals must follow, 1 queue message (they follow off the request's path, ADR 0006).
/// </summary>
public sealed class TableDonationRepository(StorageClients storage, IDashboardTotals? totals = null) : IDonationRepository
{
    private readonly AggregateStore<Donation> store = Store(storage, totals);
    private readonly TablePaymentReferenceIndex references = new(storage);

    /// <summary>Every side table a donation's save keeps; without <paramref name="totals"/> nothing is counted.</summary>
    public static IReadOnlyList<IProjection<Donation>> Projections(StorageClients storage, IDashboardTotals? totals)
    {
        List<IProjection<Donation>> projections =
        [
            new PaymentReferenceProjection<Donation>(storage, PaymentOwnerKind.Donation, d => d.Id),
            new DonationListProjection(storage),
            new AttentionProjection<Donation>(storage, AttentionItems.Of),
            new AnnualReceiptIndexProjection(storage),
            new BankTransfers.TransferReminderAgendaProjection(storage),
        ];
        if (totals is not null)
        {
            projections.Add(new DashboardTotalsProjection<Donation>(totals, DonationContribution.Of));
        }

        return projections;
    }

    /// <summary>The save pipeline of donations; also what brings their deferred projections up to date.</summary>
    public static AggregateStore<Donation> Store(StorageClients storage, IDashboardTotals? totals) =>
        new(storage, new DonationRows(), Projections(storage, totals));

    /// <summary>The row key of a donation's entity: its id again (see <see cref="Membership.TableMemberRepository.RowKeyOf"/> for why).</summary>
    internal static string RowKeyOf(string donationId) => donationId;

    public async Task<VersionedDonation?> GetAsync(string donationId, CancellationToken cancellationToken) =>
        await store.GetAsync(donationId, cancellationToken) is { } stored ? new VersionedDonation(stored.Aggregate, stored.Version) : null;

    /// <summary>A new donation is findable at once under what it already has: a bank transfer's reference code.</summary>
    public Task<bool> TryAddAsync(Donation donation, CancellationToken cancellationToken) =>
        store.TryAddAsync(donation, donation.References, cancellationToken);

    public Task<bool> TrySaveAsync(
        Donation donation,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken) =>
        store.TrySaveAsync(donation, expectedVersion, newReferences, cancellationToken);

    public Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken) =>
        references.FindIdAsync(reference, PaymentOwnerKind.Donation, cancellationToken);
}
