using System.Text.Json;
using Azure.Data.Tables;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Membership;

/// <summary>
/// A member's row in <see cref="TableNames.Members"/>: partition and row key the member id (see
/// <see cref="TableMemberRepository.RowKeyOf"/>), the snapshot as JSON, and a few plain columns for queries.
/// </summary>
internal sealed class MemberRows : IAggregateRows<Member>
{
    public string Table => TableNames.Members;

    public PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.Members,
        ["Snapshot: name, contact person, email, postal address, payment method details, mail history"],
        PersonalDataErasure.Pseudonymise,
        "The membership itself: dues, payments and the receipts' data are kept for the books; the person's data goes.");

    public string IdOf(Member aggregate) => aggregate.Id;

    public (string Partition, string Row) KeysOf(string id) => (id, TableMemberRepository.RowKeyOf(id));

    public TableEntity ToEntity(Member member)
    {
        var entity = new TableEntity(member.Id, TableMemberRepository.RowKeyOf(member.Id))
        {
            ["Status"] = StoredNames.Name(member.Status),
            ["Kind"] = StoredNames.Name(member.Kind),
            ["AnnualAmountCents"] = member.AnnualAmountCents,
            ["CreatedAt"] = member.CreatedAt,
            ["NextDuesDate"] = member.NextDuesDate is { } next ? StoredNames.Date(next) : null,
            ["DuesAgendaDate"] = member.DuesAgendaDate is { } agenda ? StoredNames.Date(agenda) : null,
        };
        ChunkedProperty.Write(entity, "Snapshot", JsonSerializer.Serialize(member.ToSnapshot(), KokJson.Options));
        return entity;
    }

    public Member FromEntity(TableEntity entity)
    {
        var json = ChunkedProperty.Read(entity, "Snapshot")
            ?? throw new InvalidOperationException($"Member {entity.PartitionKey} has no snapshot.");
        var snapshot = JsonSerializer.Deserialize<MemberSnapshot>(json, KokJson.Options)
            ?? throw new InvalidOperationException($"Member {entity.PartitionKey} has an empty snapshot.");
        return Member.FromSnapshot(snapshot);
    }
}
