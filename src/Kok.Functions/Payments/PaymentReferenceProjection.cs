using Azure.Data.Tables;
using Kok.Domain.Payments;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Payments;

/// <summary>
/// Keeps the shared reference index (<see cref="PaymentReferenceRows"/>) for one kind of owner: each provider reference
/// the use case hands over as new is upserted before the owner's write (idempotent; an entry pointing to an owner
/// that does not know the reference yet is harmless, while the other order could leave a saved reference nobody
/// finds). One upsert per new reference, nothing otherwise. No personal data: provider ids and our ids.
/// </summary>
public sealed class PaymentReferenceProjection<TAggregate>(StorageClients storage, PaymentOwnerKind ownerKind, Func<TAggregate, string> idOf)
    : IProjection<TAggregate>
{
    public string Name => "refs";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite;

    public PersonalDataDeclaration? PersonalData => null;

    public string? Mark(TAggregate aggregate) => null;

    public async Task BeforeWriteAsync(ProjectionStep<TAggregate> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (save.NewReferences.Count == 0)
        {
            return;
        }

        var table = await storage.TableAsync(TableNames.PaymentReferences);
        foreach (var reference in save.NewReferences)
        {
            await table.UpsertEntityAsync(
                new TableEntity(PaymentReferenceRows.Partition(reference), reference.Value)
                {
                    [PaymentReferenceRows.OwnerKindColumn] = PaymentReferenceRows.Name(ownerKind),
                    [PaymentReferenceRows.OwnerIdColumn] = idOf(save.Aggregate),
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }
}
