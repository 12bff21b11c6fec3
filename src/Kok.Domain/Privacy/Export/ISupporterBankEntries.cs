namespace Kok.Domain.Privacy.Export;

/// <summary>Reads the imported bank entries that name one of the supporter's donations.</summary>
public interface ISupporterBankEntries
{
    /// <summary>Entries matched to, assigned to or suggested for one of <paramref name="donationIds"/>; empty when none.</summary>
    Task<IReadOnlyList<ExportedBankEntry>> ListAsync(IReadOnlyCollection<string> donationIds, CancellationToken cancellationToken);
}
