namespace Kok.Domain.Donations;

/// <summary>
/// Stores donations. Persist <see cref="Donation.ToSnapshot"/>, load with <see cref="Donation.FromSnapshot"/>.
/// Cost target (Table Storage): creating a donation is one write, applying an event one read plus one write, plus
/// one upsert per new <see cref="PaymentReference"/> (at most one per event in practice).
/// </summary>
public interface IDonationRepository
{
    /// <summary>The donation and its version, or null. Callers only pass well-formed ids.</summary>
    Task<VersionedDonation?> GetAsync(string donationId, CancellationToken cancellationToken);

    /// <summary>Inserts a new donation; false (and nothing written) when one with its id already exists.</summary>
    Task<bool> TryAddAsync(Donation donation, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the donation if its stored version is still <paramref name="expectedVersion"/>; false on a
    /// concurrent change. Also makes the donation findable under each of <paramref name="newReferences"/>.
    /// Write those index entries first (idempotent upserts): if the donation write then fails, the event is retried
    /// and writes them again, and an entry pointing to a donation that does not know the reference is harmless.
    /// The other way round, a crash could leave a saved reference that can never be found.
    /// </summary>
    Task<bool> TrySaveAsync(
        Donation donation,
        string expectedVersion,
        IReadOnlyCollection<PaymentReference> newReferences,
        CancellationToken cancellationToken);

    /// <summary>The id of the donation indexed under <paramref name="reference"/>, or null.</summary>
    Task<string?> FindIdAsync(PaymentReference reference, CancellationToken cancellationToken);
}
