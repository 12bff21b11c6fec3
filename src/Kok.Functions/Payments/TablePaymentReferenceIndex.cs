using Azure.Data.Tables;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Storage;

namespace Kok.Functions.Payments;

/// <summary>Reads the shared reference index (<see cref="PaymentReferenceRows"/>): one point read per reference.</summary>
public sealed class TablePaymentReferenceIndex(StorageClients storage) : IPaymentReferenceIndex
{
    public async Task<PaymentOwner?> FindOwnerAsync(PaymentReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var table = await storage.TableAsync(TableNames.PaymentReferences);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            PaymentReferenceRows.Partition(reference), reference.Value, cancellationToken: cancellationToken);
        return response.HasValue
            && response.Value is { } row
            && row.GetString(PaymentReferenceRows.OwnerIdColumn) is { Length: > 0 } id
            && StoredNames.TryParse<PaymentOwnerKind>(row.GetString(PaymentReferenceRows.OwnerKindColumn)) is { } kind
                ? new PaymentOwner(kind, id)
                : null;
    }

    /// <summary>The id of <paramref name="kind"/>'s owner of <paramref name="reference"/>, or null.</summary>
    public async Task<string?> FindIdAsync(PaymentReference reference, PaymentOwnerKind kind, CancellationToken cancellationToken) =>
        await FindOwnerAsync(reference, cancellationToken) is { } owner && owner.Kind == kind ? owner.Id : null;
}
