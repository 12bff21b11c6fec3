using System.Globalization;
using Kok.Domain.Dashboard;
using Kok.Domain.Receipts;
using Kok.Functions.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Receipts;

/// <summary>
/// The dashboard's receipts API, staff only (<see cref="StaffOnlyAttribute"/>); starting a run, corrections and
/// copies are recorded in the audit trail by their use cases:
/// <c>GET /api/dashboard/receipts/annual/{year}/preview</c> (and <c>…/preview/sample</c>, a draft PDF),
/// <c>POST …/annual/{year}/run</c> (202), <c>GET …/annual/{year}/progress</c>,
/// <c>GET /api/dashboard/receipts?year=&amp;q=</c>, <c>GET …/receipts/{number}/pdf</c>, <c>GET …/{number}/copy</c>
/// (Zweitschrift), <c>POST …/{number}/correct</c> with <c>{"reason": "…"}</c>.
/// </summary>
[StaffOnly]
public sealed class ReceiptDashboardFunctions(
    PreviewAnnualReceipts preview,
    StaffStartsAnnualReceiptRun start,
    GetAnnualReceiptProgress progress,
    SearchReceipts search,
    ReceiptStaffDocuments documents,
    Privacy.Erasure.RetainedReceipts retained)
{
    /// <summary>Marks the download of a receipt kept only for tax law after its supporter's data was erased.</summary>
    public const string LockedHeader = "X-Receipt-Locked";
    public const string Locked = "gesperrt";

    public const int MaxBodyBytes = 4 * 1024;

    [Function("PreviewAnnualReceipts")]
    public async Task<IActionResult> Preview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/receipts/annual/{year}/preview")] HttpRequest request,
        string year,
        CancellationToken cancellationToken) =>
        ParseYear(year) is { } y
            ? ApiResults.Ok(ReceiptDashboardJson.Preview(await preview.ExecuteAsync(y, cancellationToken)))
            : InvalidYear();

    [Function("SampleAnnualReceipt")]
    public async Task<IActionResult> Sample(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/receipts/annual/{year}/preview/sample")] HttpRequest request,
        string year,
        CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } y)
        {
            return InvalidYear();
        }

        try
        {
            return await preview.SampleAsync(y, cancellationToken) is { } pdf
                ? Pdf(pdf, $"Sammelbestaetigung-{y}-Entwurf.pdf")
                : StaffProblems.Problem(StatusCodes.Status404NotFound, StaffErrorCodes.NothingToConfirm, "Nothing to confirm.",
                    "Für dieses Jahr gibt es keine Zahlung, die bestätigt würde / no payment of this year would be confirmed.");
        }
        catch (ReceiptsUnavailableException ex)
        {
            return Blocked(ex);
        }
    }

    [Function("StartAnnualReceipts")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/receipts/annual/{year}/run")] HttpRequest request,
        string year,
        CancellationToken cancellationToken)
    {
        if (ParseYear(year) is not { } y)
        {
            return InvalidYear();
        }

        var staff = StaffIdentity.Of(request);
        return await start.ExecuteAsync(y, staff.Id, staff.Name, cancellationToken)
            ? new JsonResult(new { Year = y, Started = true }, Storage.KokJson.Options) { StatusCode = StatusCodes.Status202Accepted }
            : StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.YearNotOver, "Year not over.",
                "Sammelbestätigungen gibt es nur für ein abgelaufenes Jahr / annual receipts are only issued for a year that is over.");
    }

    [Function("AnnualReceiptsProgress")]
    public async Task<IActionResult> Progress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/receipts/annual/{year}/progress")] HttpRequest request,
        string year,
        CancellationToken cancellationToken) =>
        ParseYear(year) is { } y
            ? ApiResults.Ok(ReceiptDashboardJson.Progress(await progress.ExecuteAsync(y, cancellationToken)))
            : InvalidYear();

    [Function("ListDashboardReceipts")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/receipts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var yearText = request.Query["year"].ToString();
        var year = yearText.Length == 0 ? search.YearOrCurrent(null) : ParseYear(yearText);
        if (year is not { } y)
        {
            return InvalidYear();
        }

        var query = request.Query["q"].ToString();
        if (query.Length > 100)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["q"] = ["Höchstens 100 Zeichen / at most 100 characters."] });
        }

        // Receipts kept only for tax law after an erasure (Art. 17 Abs. 3 DSGVO) are in no list or search.
        var locked = await retained.LockedInAsync(y, cancellationToken);
        var found = await search.ExecuteAsync(y, query, cancellationToken);
        return ApiResults.Ok(ReceiptDashboardJson.List(y, [.. found.Where(r => !locked.Contains(r.Number))]));
    }

    [Function("DownloadDashboardReceipt")]
    public async Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/receipts/{number}/pdf")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        await documents.CurrentAsync(number, cancellationToken) is { } file
            ? await MarkedIfLockedAsync(request, number, file.Document.FileName, file.Content, cancellationToken)
            : NotFound();

    [Function("CopyDashboardReceipt")]
    public async Task<IActionResult> Copy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/receipts/{number}/copy")] HttpRequest request,
        string number,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(request);
        return await documents.CopyAsync(number, staff, cancellationToken) is { } copy
            ? Pdf(copy.Content, copy.Document.FileName.Replace(".pdf", "-Zweitschrift.pdf", StringComparison.Ordinal))
            : NotFound();
    }

    [Function("CorrectDashboardReceipt")]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> Correct(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/receipts/{number}/correct")] HttpRequest request,
        string number,
        CancellationToken cancellationToken)
    {
        var reason = new JsonFormReader().Text(JsonBody.Of(request).Root, "reason", "reason")?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ReceiptWithdrawal.MaxReasonLength)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Bitte einen Grund angeben, höchstens {ReceiptWithdrawal.MaxReasonLength} Zeichen / please give a reason of at most {ReceiptWithdrawal.MaxReasonLength} characters."],
            });
        }

        try
        {
            var result = await documents.CorrectAsync(number, reason, StaffIdentity.Of(request), cancellationToken);
            return result.Outcome switch
            {
                ReceiptCorrectionOutcome.NoReceipt => NotFound(),
                ReceiptCorrectionOutcome.AlreadyWithdrawn => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.ReceiptAlreadyWithdrawn,
                    "Receipt already withdrawn.", "Diese Bestätigung ist bereits storniert / this receipt was withdrawn already."),
                _ => ApiResults.Ok(result),
            };
        }
        catch (ReceiptsUnavailableException ex)
        {
            return Blocked(ex);
        }
    }

    private static int? ParseYear(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 9999 ? year : null;

    private static ObjectResult InvalidYear() =>
        ProblemResults.Validation(new Dictionary<string, string[]> { ["year"] = ["Ein Jahr wie 2026 / a year such as 2026."] });

    private static ObjectResult NotFound() =>
        StaffProblems.Problem(StatusCodes.Status404NotFound, StaffErrorCodes.ReceiptNotFound, "Receipt not found.",
            "Keine Zuwendungsbestätigung mit dieser Nummer / no receipt with this number.");

    private static ObjectResult Blocked(ReceiptsUnavailableException ex) =>
        StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.ReceiptsBlocked, "Receipts are blocked.",
            ex.Blocker is { } blocker ? $"{blocker.German} / {blocker.English}" : ex.Message);

    /// <summary>A locked receipt still downloads for staff, named and headed "gesperrt".</summary>
    private async Task<FileContentResult> MarkedIfLockedAsync(HttpRequest request, string number, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        if (!await retained.IsLockedAsync(number, cancellationToken))
        {
            return Pdf(content, fileName);
        }

        request.HttpContext.Response.Headers[LockedHeader] = Locked;
        return Pdf(content, fileName.Replace(".pdf", "-" + Locked + ".pdf", StringComparison.Ordinal));
    }

    private static FileContentResult Pdf(byte[] content, string fileName) =>
        new(content, RenderedReceipt.ContentType) { FileDownloadName = fileName };
}
