using System.Globalization;
using Kok.Domain.Donations;

namespace Kok.Domain.Tests.Donations;

/// <summary>Behaves like the storage adapter must: snapshots, versions, conditional writes, reference index.</summary>
internal sealed class InMemoryDonationRepository : IDonationRepository
{
    private readonly Dictionary<string, (DonationSnapshot Snapshot, int Version)> rows = new(StringComparer.Ordinal);

    public Dictionary<PaymentReference, string> Index { get; } = [];

    public Task<VersionedDonation?> GetAsync(string donationId, CancellationToken cancellationToken) =>
        Task.FromResult(rows.TryGetValue(donationId, out var row)
            ? new VersionedDonation(Donation.FromSnapshot(row.Snapshot), row.Version.ToString(CultureInfo.InvariantCulture))
            : null);

    public Task<bool> TryAddAsync(Donation donation, CancellationToken cancellationToken)
    {
        if (rows.ContainsKey(donation.Id))
        {
            return Task.FromResult(false);
        }

        rows[donation.Id] = (donation.ToSnapshot(), 1);
        return Task.FromResult(true);
    }

    public Task<bool> TrySaveAsync(
        Donation donation,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken)
    {
        foreach (var reference in newReferences)
        {
            Index[reference] = donation.Id;
        }

        if (!rows.TryGetValue(donation.Id, out var row) || row.Version.ToString(CultureInfo.InvariantCulture) != expectedVersion)
        {
            return Task.FromResult(false);
        }

        rows[donation.Id] = (donation.ToSnapshot(), row.Version + 1);
        return Task.FromResult(true);
    }

    public Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken) =>
        Task.FromResult(Index.TryGetValue(reference, out var id) ? id : null);
}
