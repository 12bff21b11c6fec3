using Kok.Domain.Membership;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Membership;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// The memberships: each cancelled as staff chose and saved with the member's data replaced by
/// <see cref="ErasedSupporter"/> (<see cref="MembershipErasure"/>), through the save pipeline, so the totals, the
/// ending agenda and the email index follow; dues, payments and receipt data stay for the books.
/// </summary>
internal sealed class MemberEraser(IMemberRepository members) : IDeclaredEraser
{
    public PersonalDataDeclaration Declaration { get; } = new MemberRows().PersonalData;

    public int Order => EraserOrder.Aggregates;

    public Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult(new StoreErasure(Declaration.Store, ErasureAction.Pseudonymise, subject.Members.Count));

    public async Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        foreach (var id in subject.MemberIds)
        {
            await EraseOneAsync(id, subject, cancellationToken);
        }

        return new StoreErasure(Declaration.Store, ErasureAction.Pseudonymise, subject.Members.Count);
    }

    private Task EraseOneAsync(string id, ErasureSubject subject, CancellationToken cancellationToken) =>
        ErasingSave.RunAsync(id, async () =>
            await members.GetAsync(id, cancellationToken) is not { } stored || ErasedSupporter.IsErased(stored.Member.Email)
                ? null
                : await members.TrySaveAsync(MembershipErasure.Apply(stored.Member, subject), stored.Version, [], cancellationToken));
}
