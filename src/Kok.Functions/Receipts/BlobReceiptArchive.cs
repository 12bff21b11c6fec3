using Azure;
using Azure.Storage.Blobs.Models;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Receipts;

/// <summary>
/// Receipt PDFs in Blob Storage, container <c>receipts</c>, blob <c>{year}/{number}.pdf</c> (the void copy of a
/// withdrawn receipt: <c>{year}/{number}-storniert.pdf</c>). Write-once by condition: the upload carries
/// If-None-Match: *, so an existing blob is never replaced; the caller gets the archived bytes back instead. Cost:
/// one upload; a retry that finds the blob one failed upload plus one download. (An immutability policy on the
/// container would make this hold against staff with storage keys as well; that is deployment's part.)
/// </summary>
public sealed class BlobReceiptArchive(StorageClients storage) : IReceiptArchive
{
    /// <summary>The receipt PDFs carry the donor's name and address; kept like the register's rows.</summary>
    public static PersonalDataDeclaration PersonalData { get; } = new(
        "blob:" + ContainerName,
        ["PDF: donor name and postal address"],
        PersonalDataErasure.RetainThenDelete,
        "The receipt as sent, for copies (Zweitschrift); lifecycle rule deletes it after the retention period.");


    public const string ContainerName = "receipts";

    public async Task<byte[]> StoreOnceAsync(string receiptNumber, ReceiptCopy copy, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var container = await storage.ContainerAsync(ContainerName);
        var blob = container.GetBlobClient(BlobName(receiptNumber, copy));
        try
        {
            await blob.UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = RenderedReceipt.ContentType },
                },
                cancellationToken);
            return content;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var existing = await blob.DownloadContentAsync(cancellationToken);
            return existing.Value.Content.ToArray();
        }
    }

    public async Task<byte[]?> GetAsync(string receiptNumber, ReceiptCopy copy, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(ContainerName);
        try
        {
            var existing = await container.GetBlobClient(BlobName(receiptNumber, copy)).DownloadContentAsync(cancellationToken);
            return existing.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>"2026/2026-000123.pdf" or "2026/2026-000123-storniert.pdf".</summary>
    public static string BlobName(string receiptNumber, ReceiptCopy copy)
    {
        if (!ReceiptNumber.IsValid(receiptNumber))
        {
            throw new ArgumentException("Not a receipt number.", nameof(receiptNumber));
        }

        var suffix = copy switch
        {
            ReceiptCopy.Original => string.Empty,
            ReceiptCopy.Withdrawn => "-storniert",
            _ => throw new ArgumentOutOfRangeException(nameof(copy), copy, "Unknown copy."),
        };
        return $"{receiptNumber[..4]}/{receiptNumber}{suffix}.pdf";
    }
}
