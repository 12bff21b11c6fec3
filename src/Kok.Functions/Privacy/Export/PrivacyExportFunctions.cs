using Kok.Domain.Privacy.Export;
using Kok.Functions.Http;
using Kok.Functions.Membership;
using Kok.Functions.SelfService;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Privacy.Export;

/// <summary>
/// The copy of a supporter's data (Art. 15 DSGVO), as JSON and as a readable page. The supporter's own on "Mein KOK":
/// <c>GET /api/me/data</c> (JSON, as a file download) and <c>GET /api/me/data.html</c> (the page, German or English by
/// <c>lang</c>), both under the supporter guard, so only the signed-in supporter's data. Staff for an address they
/// were given: <c>POST /api/dashboard/privacy/export {"email": …}</c> (JSON; <c>?format=html&amp;lang=de|en</c> for
/// the page), audited as <see cref="ExportSupporterDataByStaff.AuditAction"/>.
/// </summary>
public sealed class PrivacyExportFunctions(SupporterDataExporter exporter, ExportSupporterDataByStaff byStaff)
{
    public const int MaxBodyBytes = 4 * 1024;

    public const string DataPath = HttpEndpoint.SupporterRoutePrefix + "/data";

    public const string PagePath = DataPath + ".html";

    [Function("SupporterDataExport")]
    public async Task<IActionResult> OwnData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DataPath)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var export = await exporter.ExportAsync(SupporterIdentity.Of(request).SupporterKey, null, ExportAudience.Supporter, cancellationToken);
        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"kok-daten-{export.CreatedAt:yyyy-MM-dd}.json\"";
        return ApiResults.Ok(export);
    }

    [Function("SupporterDataPage")]
    public async Task<IActionResult> OwnDataPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PagePath)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var export = await exporter.ExportAsync(SupporterIdentity.Of(request).SupporterKey, null, ExportAudience.Supporter, cancellationToken);
        var page = MemberPageContext.From(request, export.Language);
        return MemberPage.Html(request, StatusCodes.Status200OK, SupporterDataPage.Html(page, export, "/" + DataPath));
    }

    [Function("ExportSupporterData")]
    [StaffOnly]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> ByStaff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/privacy/export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // Everything about a person: no proxy or browser cache may keep it (the supporter guard does the same for api/me).
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "html"))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["format"] = ["Use json or html."] });
        }

        var root = JsonBody.Of(request).Root;
        var reader = new JsonFormReader();
        var email = reader.Text(root, "email", "email");
        var staff = StaffIdentity.Of(request);
        var (errors, export) = await byStaff.ExecuteAsync(email, reader.WrongTypeFields, staff.Id, staff.Name, cancellationToken);
        if (errors is not null || export is null)
        {
            return ProblemResults.Validation((errors ?? new()).ToDictionary());
        }

        return format == "html"
            ? MemberPage.Html(request, StatusCodes.Status200OK, SupporterDataPage.Html(MemberPageContext.From(request, export.Language), export, null, languageSwitch: false))
            : ApiResults.Ok(export);
    }
}
