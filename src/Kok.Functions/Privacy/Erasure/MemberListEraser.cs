using Kok.Domain.Membership;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Dashboard;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// The staff's member list: the erased member's rows go, under the listing it had and the one it has now (the
/// member's own save removes them already; this makes sure of it for members erased half-way before).
/// </summary>
internal sealed class MemberListEraser(StorageClients storage, IMemberRepository members) : IDeclaredEraser
{
    private readonly MemberListIndex list = new(storage);

    public PersonalDataDeclaration Declaration { get; } = new MemberListProjection(storage).PersonalData!;

    public int Order => EraserOrder.Lists;

    public Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult(new StoreErasure(Declaration.Store, ErasureAction.Delete, subject.Members.Count));

    public async Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        foreach (var before in subject.Members)
        {
            var now = (await members.GetAsync(before.Id, cancellationToken))?.Member ?? before;
            await list.RemoveAsync(before.Id, [MemberListIndex.Of(before).Key, MemberListIndex.Of(now).Key], cancellationToken);
        }

        return new StoreErasure(Declaration.Store, ErasureAction.Delete, subject.Members.Count);
    }
}
