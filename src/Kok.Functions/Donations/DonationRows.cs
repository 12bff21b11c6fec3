using System.Text.Json;
using Azure.Data.Tables;
using Kok.Domain.Donations;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Donations;

/// <summary>
/// A donation's row in <see cref="TableNames.Donations"/>: partition and row key the donation id (see
/// <see cref="TableDonationRepository.RowKeyOf"/>), the snapshot as JSON, and a few plain columns for queries.
/// </summary>
internal sealed class DonationRows : IAggregateRows<Donation>
{
    public string Table => TableNames.Donations;

    public PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.Donations,
        ["Snapshot: donor name, email, postal address (for the receipt)"],
        PersonalDataErasure.Pseudonymise,
        "The donation itself: amounts, dates and receipt numbers are kept for the books; the person's data goes.");

    public string IdOf(Donation aggregate) => aggregate.Id;

    public (string Partition, string Row) KeysOf(string id) => (id, TableDonationRepository.RowKeyOf(id));

    public TableEntity ToEntity(Donation donation)
    {
        var entity = new TableEntity(donation.Id, TableDonationRepository.RowKeyOf(donation.Id))
        {
            ["Status"] = StoredNames.Name(donation.Status),
            ["AmountCents"] = donation.AmountCents,
            ["Interval"] = StoredNames.Name(donation.Interval),
            ["CreatedAt"] = donation.CreatedAt,
        };
        ChunkedProperty.Write(entity, "Snapshot", JsonSerializer.Serialize(donation.ToSnapshot(), KokJson.Options));
        return entity;
    }

    public Donation FromEntity(TableEntity entity)
    {
        var json = ChunkedProperty.Read(entity, "Snapshot")
            ?? throw new InvalidOperationException($"Donation {entity.PartitionKey} has no snapshot.");
        var snapshot = JsonSerializer.Deserialize<DonationSnapshot>(json, KokJson.Options)
            ?? throw new InvalidOperationException($"Donation {entity.PartitionKey} has an empty snapshot.");
        return Donation.FromSnapshot(snapshot);
    }
}
