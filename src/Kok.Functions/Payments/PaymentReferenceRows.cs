using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Storage;

namespace Kok.Functions.Payments;

/// <summary>
/// The layout of <see cref="TableNames.PaymentReferences"/>, the one index of provider references of donations and
/// members: partition <c>pi:{id}</c>, <c>sub:{id}</c>, <c>in:{id}</c> or <c>tc:{code}</c> (a bank-transfer reference code), row key the id again (a point read), columns
/// <c>OwnerKind</c> (<c>donation</c>, <c>member</c>) and <c>OwnerId</c>.
/// </summary>
internal static class PaymentReferenceRows
{
    public const string OwnerKindColumn = "OwnerKind";
    public const string OwnerIdColumn = "OwnerId";

    public static string Partition(PaymentReference reference) => reference.Kind switch
    {
        PaymentReferenceKind.PaymentIntent => "pi:" + reference.Value,
        PaymentReferenceKind.Subscription => "sub:" + reference.Value,
        PaymentReferenceKind.Invoice => "in:" + reference.Value,
        PaymentReferenceKind.TransferCode => "tc:" + reference.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.Kind, "Unknown reference kind."),
    };

    public static string Name(PaymentOwnerKind kind) => StoredNames.Name(kind);
}
