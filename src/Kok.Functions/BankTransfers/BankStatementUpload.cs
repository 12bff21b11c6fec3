using System.IO.Compression;
using Kok.Domain.BankTransfers;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// The uploaded statement: one camt XML file, or a ZIP of them (banks zip several days). At most
/// <see cref="MaxBytes"/> as uploaded, refused from the announced length before anything is read, else as soon as the
/// reading passes it; a ZIP's files are read up to <see cref="MaxBytes"/> each and <see cref="MaxUnzippedBytes"/> in all,
/// so a small ZIP that unpacks to gigabytes is refused too.
/// </summary>
public static class BankStatementUpload
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const long MaxUnzippedBytes = 50 * 1024 * 1024;
    public const int MaxFilesInZip = 400;

    /// <summary>Whether an announced length is too large: answer 400 before reading the body.</summary>
    public static bool IsTooLarge(long? announcedLength) => announcedLength > MaxBytes;

    public static string TooLargeMessage => $"The file is larger than {MaxBytes / (1024 * 1024)} MB; split the statement into several files.";

    /// <summary>The credits of every file in the upload; throws <see cref="BankStatementFormatException"/> naming what is wrong.</summary>
    public static async Task<IReadOnlyList<BankStatementEntry>> ReadAsync(Stream body, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = await CopyCappedAsync(body, MaxBytes, TooLargeMessage, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            throw new BankStatementFormatException("The file is empty.");
        }

        return IsZip(buffer)
            ? await ReadZipAsync(buffer, cancellationToken).ConfigureAwait(false)
            : CamtStatementReader.Read(buffer, fileName);
    }

    private static bool IsZip(MemoryStream buffer) =>
        buffer.Length >= 4 && buffer.GetBuffer() is [(byte)'P', (byte)'K', 3, 4, ..];

    private static async Task<IReadOnlyList<BankStatementEntry>> ReadZipAsync(MemoryStream buffer, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(buffer, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new BankStatementFormatException("The ZIP file is damaged.");
        }

        using (archive)
        {
            var files = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (files.Count == 0 || files.Count > MaxFilesInZip)
            {
                throw new BankStatementFormatException($"The ZIP file must hold 1 to {MaxFilesInZip} statement files.");
            }

            var entries = new List<BankStatementEntry>();
            var left = MaxUnzippedBytes;
            foreach (var file in files.OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file.FullName);
                try
                {
                    await using var stream = file.Open();
                    using var unzipped = await CopyCappedAsync(stream, Math.Min(MaxBytes, left), $"{name}: larger than allowed when unpacked.", cancellationToken)
                        .ConfigureAwait(false);
                    left -= unzipped.Length;
                    entries.AddRange(CamtStatementReader.Read(unzipped, name));
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException)
                {
                    throw new BankStatementFormatException($"{name}: damaged, encrypted or packed in a way this import cannot read.");
                }
            }

            return entries;
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; one byte more and it stops and refuses.</summary>
    private static async Task<MemoryStream> CopyCappedAsync(Stream source, long limit, string tooLarge, CancellationToken cancellationToken)
    {
        var target = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (target.Length + read > limit)
            {
                await target.DisposeAsync().ConfigureAwait(false);
                throw new BankStatementFormatException(tooLarge);
            }

            target.Write(chunk, 0, read);
        }

        target.Position = 0;
        return target;
    }
}
