using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kok.Functions.Dashboard;

/// <summary>
/// A CSV download written straight to the response body as the pages arrive, so an export never holds more than
/// one page: UTF-8 with byte order mark (Excel then reads umlauts right), <c>;</c> between fields (Excel's separator
/// under a German locale, where the comma is the decimal sign), CRLF, quotes where RFC 4180 needs them.
/// </summary>
internal sealed class CsvExportResult(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IEnumerable<string?[]>> pages) : IActionResult
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
    };

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = "\"" + fileName + "\"" }.ToString();
        response.Headers[HeaderNames.CacheControl] = "no-store";

        await using var csv = CsvWriter.Create(response.Body, Options, leaveOpen: true);
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var record in page)
            {
                foreach (var field in record)
                {
                    csv.WriteField(field ?? string.Empty);
                }

                await csv.EndRecordAsync(cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
