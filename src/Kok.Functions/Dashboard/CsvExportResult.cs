using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The one writer of every staff CSV download. Written straight to the response body as the pages arrive, so an
/// export never holds more than one page: UTF-8 with byte order mark (Excel then reads umlauts right), <c>;</c>
/// between fields (Excel's separator under a German locale, where the comma is the decimal sign), CRLF, quotes where
/// RFC 4180 needs them. Every text cell, header included, goes through <see cref="CsvCell.Neutralise"/>, so no cell
/// runs as a formula on the office's machine; amounts (<see cref="CsvCell.Euros"/>) stay numbers.
/// </summary>
internal sealed class CsvExportResult : IActionResult
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
    };

    private readonly string _fileName;
    private readonly IReadOnlyList<string> _header;
    private readonly IReadOnlyList<IReadOnlyList<CsvCell>> _firstPage;
    private readonly IAsyncEnumerator<IReadOnlyList<IReadOnlyList<CsvCell>>>? _rest;

    private CsvExportResult(
        string fileName,
        IReadOnlyList<string> header,
        IReadOnlyList<IReadOnlyList<CsvCell>> firstPage,
        IAsyncEnumerator<IReadOnlyList<IReadOnlyList<CsvCell>>>? rest)
    {
        _fileName = fileName;
        _header = header;
        _firstPage = firstPage;
        _rest = rest;
    }

    /// <summary>
    /// Reads the first page inside the function, before anything is answered: storage being down is then still a
    /// 503 (see <see cref="Http.ServiceUnavailableMiddleware"/>), not a 500 or a file cut off after its header row.
    /// </summary>
    public static async Task<CsvExportResult> StartAsync<T>(
        string fileName,
        IReadOnlyList<string> header,
        IAsyncEnumerable<IReadOnlyList<T>> pages,
        Func<T, IReadOnlyList<CsvCell>> record,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var records = Records(pages, record).GetAsyncEnumerator(cancellationToken);
        if (!await records.MoveNextAsync())
        {
            await records.DisposeAsync();
            return new CsvExportResult(fileName, header, [], null);
        }

        return new CsvExportResult(fileName, header, records.Current, records);
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = "\"" + _fileName + "\"" }.ToString();
        response.Headers[HeaderNames.CacheControl] = "no-store";

        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        try
        {
            await WriteAsync(csv, [_header.Select(CsvCell.Text).ToArray()], cancellationToken);
            await WriteAsync(csv, _firstPage, cancellationToken);
            while (_rest is not null && await _rest.MoveNextAsync())
            {
                await WriteAsync(csv, _rest.Current, cancellationToken);
            }
        }
        finally
        {
            if (_rest is not null)
            {
                await _rest.DisposeAsync();
            }
        }
    }

    private static async Task WriteAsync(CsvWriter csv, IReadOnlyList<IReadOnlyList<CsvCell>> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            foreach (var cell in record)
            {
                var text = cell.IsNumber ? cell.Value : CsvCell.Neutralise(cell.Value);

                // A neutralised cell (one character longer) is also quoted, as OWASP's recipe and CsvHelper's own
                // escape mode do.
                csv.WriteField(text, text.Length == cell.Value.Length ? CsvQuoting.WhenNeeded : CsvQuoting.Always);
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<IReadOnlyList<CsvCell>>> Records<T>(
        IAsyncEnumerable<IReadOnlyList<T>> pages, Func<T, IReadOnlyList<CsvCell>> record)
    {
        await foreach (var page in pages)
        {
            yield return page.Select(record).ToArray();
        }
    }
}
