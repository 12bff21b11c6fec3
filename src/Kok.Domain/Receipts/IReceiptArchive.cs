namespace Kok.Domain.Receipts;

/// <summary>
/// Keeps the rendered files of issued receipts, write-once: what was archived (and sent) is never replaced, so the
/// copy on file is the one the supporter holds.
/// </summary>
public interface IReceiptArchive
{
    /// <summary>
    /// Stores <paramref name="content"/> unless the copy already exists, and returns what the archive now holds: the
    /// new content, or the earlier file (a retried worker renders a different but equivalent PDF; the archived one
    /// wins and is the one to send).
    /// </summary>
    Task<byte[]> StoreOnceAsync(string receiptNumber, ReceiptCopy copy, byte[] content, CancellationToken cancellationToken);

    Task<byte[]?> GetAsync(string receiptNumber, ReceiptCopy copy, CancellationToken cancellationToken);
}
