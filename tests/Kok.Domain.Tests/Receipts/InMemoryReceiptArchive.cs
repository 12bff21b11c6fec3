using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>Write-once like the blob adapter: the first content stays and is returned to later writers.</summary>
internal sealed class InMemoryReceiptArchive : IReceiptArchive
{
    private readonly Dictionary<(string Number, ReceiptCopy Copy), byte[]> files = [];

    public IReadOnlyDictionary<(string Number, ReceiptCopy Copy), byte[]> Files => files;

    public Task<byte[]> StoreOnceAsync(string receiptNumber, ReceiptCopy copy, byte[] content, CancellationToken cancellationToken)
    {
        if (!files.TryGetValue((receiptNumber, copy), out var stored))
        {
            stored = content;
            files[(receiptNumber, copy)] = content;
        }

        return Task.FromResult(stored);
    }

    public Task<byte[]?> GetAsync(string receiptNumber, ReceiptCopy copy, CancellationToken cancellationToken) =>
        Task.FromResult(files.GetValueOrDefault((receiptNumber, copy)));
}
