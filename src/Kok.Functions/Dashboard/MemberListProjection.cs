using Azure;
using Kok.Domain.Membership;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Keeps the dashboard's member list (<see cref="MemberListIndex"/>): when what the list shows for a member changed
/// (its mark is the listing key and a hash of the shown columns), the new rows go in flagged before the member write
/// and are confirmed, with the old rows deleted, after it; each step one entity-group transaction, nothing when the
/// listing is unchanged (most dues-run saves).
/// </summary>
internal sealed class MemberListProjection(StorageClients storage) : IProjection<Member>
{
    private const char Separator = '#';
    private readonly MemberListIndex list = new(storage);

    public string Name => "list";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData { get; } = new(
        TableNames.DashboardMemberList,
        ["Name", "ContactPerson", "Email", "Street", "PostalCode", "City", "Country", "Search"],
        PersonalDataErasure.Delete,
        "The staff's member list and its CSV export.");

    public string? Mark(Member aggregate)
    {
        var listing = MemberListIndex.Of(aggregate);
        return listing.Key + Separator + listing.Hash;
    }

    /// <summary>An erased member (Art. 17 DSGVO) is in no list: no rows go in, and after the write its rows go.</summary>
    public async Task BeforeWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken)
    {
        if (save.Changed && !ErasedSupporter.IsErased(save.Aggregate.Email))
        {
            save.State = await list.BeginAsync(MemberListIndex.Of(save.Aggregate), OldKey(save), cancellationToken);
        }
    }

    public async Task AfterWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken)
    {
        if (save.State is IReadOnlyDictionary<string, ETag> begun)
        {
            await list.CompleteAsync(MemberListIndex.Of(save.Aggregate), OldKey(save), begun, new ETag(save.WrittenETag!), cancellationToken);
        }
        else if (save.Changed && ErasedSupporter.IsErased(save.Aggregate.Email))
        {
            await list.RemoveAsync(save.Aggregate.Id, [OldKey(save), MemberListIndex.Of(save.Aggregate).Key], cancellationToken);
        }
    }

    private static string? OldKey(ProjectionStep<Member> save) =>
        save.Previous is { } previous ? previous[..previous.LastIndexOf(Separator)] : null;
}
