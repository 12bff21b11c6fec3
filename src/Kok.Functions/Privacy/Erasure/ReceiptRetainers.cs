using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Receipts;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// The register's receipts of the subject stay, as tax law requires (Art. 17 Abs. 3 lit. b DSGVO), locked and out of
/// every list and search until their retention ends (<see cref="RetainedReceipts"/>).
/// </summary>
internal sealed class ReceiptRegisterRetainer(RetainedReceipts receipts) : IDeclaredEraser
{
    public PersonalDataDeclaration Declaration => TableReceiptRegister.PersonalData;

    public int Order => EraserOrder.Receipts;

    public async Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        Summary(await receipts.FindAsync(subject, cancellationToken));

    public async Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var found = await receipts.FindAsync(subject, cancellationToken);
        await receipts.LockAsync(found, subject.At, cancellationToken);
        return Summary(found);
    }

    private StoreErasure Summary(IReadOnlyList<RetainedReceipts.Found> found) =>
        new(Declaration.Store, ErasureAction.Retain, found.Count, found.Count == 0 ? null : found.Max(r => r.RetainedUntil));
}

/// <summary>
/// The archived PDFs of those receipts (a void copy besides the original of a withdrawn one) stay as they are: the
/// container keeps blobs unchanged; the retention run deletes them with their register rows.
/// </summary>
internal sealed class ReceiptArchiveRetainer(RetainedReceipts receipts) : IDeclaredEraser
{
    public PersonalDataDeclaration Declaration => BlobReceiptArchive.PersonalData;

    public int Order => EraserOrder.Receipts;

    public async Task<StoreErasure> PlanAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        Summary(await receipts.FindAsync(subject, cancellationToken));

    public Task<StoreErasure> EraseAsync(ErasureSubject subject, CancellationToken cancellationToken) =>
        PlanAsync(subject, cancellationToken);

    private StoreErasure Summary(IReadOnlyList<RetainedReceipts.Found> found) =>
        new(Declaration.Store, ErasureAction.Retain, found.Sum(r => r.Withdrawn ? 2 : 1), found.Count == 0 ? null : found.Max(r => r.RetainedUntil));
}
