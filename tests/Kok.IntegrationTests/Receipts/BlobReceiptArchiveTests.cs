using Azure.Storage.Blobs;
using Kok.Domain.Receipts;
using Kok.Functions.Receipts;

namespace Kok.IntegrationTests.Receipts;

public class BlobReceiptArchiveTests
{
    private readonly BlobReceiptArchive archive = new(ReceiptStorage.Clients());

    [Fact]
    public async Task The_first_copy_stays_and_later_writers_get_it_back()
    {
        var number = ReceiptNumber.Create(await ReceiptStorage.UnusedYearAsync(), 7);
        byte[] first = [0x25, 0x50, 0x44, 0x46, 1];
        byte[] second = [0x25, 0x50, 0x44, 0x46, 2];

        var stored = await archive.StoreOnceAsync(number, ReceiptCopy.Original, first, CancellationToken.None);
        var refused = await archive.StoreOnceAsync(number, ReceiptCopy.Original, second, CancellationToken.None);
        var same = await archive.StoreOnceAsync(number, ReceiptCopy.Original, first, CancellationToken.None);

        Assert.Equal(first, stored);
        Assert.Equal(first, refused);
        Assert.Equal(first, same);
        Assert.Equal(first, await archive.GetAsync(number, ReceiptCopy.Original, CancellationToken.None));
    }

    [Fact]
    public async Task Copies_are_pdfs_under_year_and_number()
    {
        var year = await ReceiptStorage.UnusedYearAsync();
        var number = ReceiptNumber.Create(year, 123);
        await archive.StoreOnceAsync(number, ReceiptCopy.Original, [1], CancellationToken.None);
        await archive.StoreOnceAsync(number, ReceiptCopy.Withdrawn, [2], CancellationToken.None);

        var container = new BlobServiceClient(ReceiptStorage.ConnectionString).GetBlobContainerClient(BlobReceiptArchive.ContainerName);
        var original = await container.GetBlobClient($"{year}/{year}-000123.pdf").GetPropertiesAsync();
        var withdrawn = await container.GetBlobClient($"{year}/{year}-000123-storniert.pdf").DownloadContentAsync();

        Assert.Equal("application/pdf", original.Value.ContentType);
        Assert.Equal([2], withdrawn.Value.Content.ToArray());
        Assert.Null(await archive.GetAsync(ReceiptNumber.Create(year, 124), ReceiptCopy.Original, CancellationToken.None));
    }
}
