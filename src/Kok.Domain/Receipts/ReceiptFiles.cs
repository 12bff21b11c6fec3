namespace Kok.Domain.Receipts;

/// <summary>
/// The rendered files of issued receipts: rendered from the frozen document (its own issuer and signatory, never
/// today's settings; <c>organisation</c> only for receipts frozen without issuer) and archived write-once, so the
/// file on record is the one the supporter received.
/// </summary>
public sealed class ReceiptFiles(IReceiptArchive archive, IReceiptRenderer renderer, OrganisationProfile organisation)
{
    /// <summary>The receipt as sent: the archived file, archiving it first if this is the first time.</summary>
    public Task<byte[]> OriginalAsync(IssuedReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return archive.StoreOnceAsync(receipt.Number, ReceiptCopy.Original, renderer.Render(receipt.Document, organisation), cancellationToken);
    }

    /// <summary>The copy marked "storniert" next to the original, so the archive alone shows what became of the number.</summary>
    public Task<byte[]> WithdrawnAsync(IssuedReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (!receipt.Document.IsWithdrawn)
        {
            throw new ArgumentException("The receipt has not been withdrawn.", nameof(receipt));
        }

        return archive.StoreOnceAsync(receipt.Number, ReceiptCopy.Withdrawn, renderer.Render(receipt.Document, organisation), cancellationToken);
    }

    /// <summary>What staff download: the withdrawn copy of a withdrawn receipt, else the original (archived if it was not yet).</summary>
    public async Task<byte[]> CurrentAsync(IssuedReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var copy = receipt.Document.IsWithdrawn ? ReceiptCopy.Withdrawn : ReceiptCopy.Original;
        return await archive.GetAsync(receipt.Number, copy, cancellationToken).ConfigureAwait(false)
            ?? (receipt.Document.IsWithdrawn
                ? await WithdrawnAsync(receipt, cancellationToken).ConfigureAwait(false)
                : await OriginalAsync(receipt, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A Zweitschrift (copy): the frozen original reproduced, same number, dates, data and signatory, marked on every page.</summary>
    public byte[] Zweitschrift(IssuedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return renderer.Render(receipt.Document, organisation, ReceiptPrint.Zweitschrift);
    }
}
