using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// Signature images frozen with receipts, one register row each (<c>facsimile-{sha256}</c>, base64 in
/// <see cref="ChunkedProperty"/>), named by their SHA-256 so receipt rows carry only the hash. Write-once: an image is
/// never replaced, so a copy rendered years later shows the signature it was issued with. Cost: one insert per image
/// and process the first time a receipt carries it, one read per image and process when receipts are read back.
/// </summary>
internal sealed class ReceiptFacsimiles(StorageClients storage)
{
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> known = new(StringComparer.Ordinal);

    /// <summary>Stores the issuer's facsimile unless this process knows it is stored; before the receipt that cites it.</summary>
    public async Task EnsureStoredAsync(OrganisationProfile? issuer, CancellationToken cancellationToken)
    {
        if (issuer?.SignatureFacsimileSha256 is not { } hash || known.ContainsKey(hash))
        {
            return;
        }

        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var row = new TableEntity(ReceiptRegisterRows.Partition, ReceiptRegisterRows.FacsimileKey(hash));
        ChunkedProperty.Write(row, "Image", Convert.ToBase64String(issuer.SignatureFacsimile.Span));
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Stored earlier: same hash, same image.
        }

        known[hash] = issuer.SignatureFacsimile;
    }

    public async Task<ReadOnlyMemory<byte>> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(sha256, out var cached))
        {
            return cached;
        }

        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            ReceiptRegisterRows.Partition, ReceiptRegisterRows.FacsimileKey(sha256), cancellationToken: cancellationToken);
        var image = row.HasValue && ChunkedProperty.Read(row.Value!, "Image") is { } base64
            ? Convert.FromBase64String(base64)
            : throw new InvalidOperationException($"Signature facsimile {sha256} of a frozen receipt is missing from the register.");
        if (Convert.ToHexStringLower(SHA256.HashData(image)) != sha256)
        {
            throw new InvalidOperationException($"Signature facsimile {sha256} does not match its hash.");
        }

        known[sha256] = image;
        return image;
    }
}
