using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kok.Domain.Receipts;
using Kok.Functions.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Receipts;

/// <summary>
/// The office's receipts page: <c>GET /dashboard/receipts</c> (HTML, German and English) and its script at
/// <c>GET /dashboard/receipts/assets/receipts.js</c>, staff only, embedded in this assembly like the dashboard page
/// (<see cref="DashboardPageFunction"/>, whose style sheet and headers it shares). It previews and starts the annual
/// run, shows its progress, finds receipts, and downloads, copies and corrects them through
/// <c>/api/dashboard/receipts/*</c>. The current Berlin year is written into the page, so the year lists follow the
/// app's clock.
/// </summary>
[StaffOnly]
public sealed class ReceiptsPageFunction(TimeProvider time)
{
    private const string ResourcePrefix = "Kok.Functions.Receipts.Page.";
    private const string TextsPlaceholder = "/*{{texts}}*/ null";

    private static readonly byte[] Script = Encoding.UTF8.GetBytes(
        Read("receipts.js").Replace(TextsPlaceholder, Read("receipts.texts.json").Trim(), StringComparison.Ordinal));

    private static readonly string ScriptVersion = Convert.ToHexStringLower(SHA256.HashData(Script))[..12];

    private static readonly string Html = Read("receipts.html").Replace("{{v:receipts.js}}", ScriptVersion, StringComparison.Ordinal);

    [Function("ReceiptsPage")]
    [StaffOnly(SignInReturnsTo = "/dashboard/receipts")]
    public IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/receipts")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        DashboardPageFunction.Headers.ApplyTo(request.HttpContext.Response, "no-cache");
        var year = GermanTime.Today(time).Year.ToString(CultureInfo.InvariantCulture);
        return new ContentResult
        {
            StatusCode = StatusCodes.Status200OK,
            ContentType = "text/html; charset=utf-8",
            Content = Html.Replace("{{year}}", year, StringComparison.Ordinal),
        };
    }

    [Function("ReceiptsPageScript")]
    public static IActionResult AssetFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/receipts/assets/{name}")] HttpRequest request,
        string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (name != "receipts.js")
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "Not found.");
        }

        var current = string.Equals(request.Query["v"].ToString(), ScriptVersion, StringComparison.Ordinal);
        DashboardPageFunction.Headers.ApplyTo(request.HttpContext.Response, current ? "private, max-age=31536000, immutable" : "no-cache");
        return new FileContentResult(Script, "text/javascript; charset=utf-8");
    }

    private static string Read(string name)
    {
        using var stream = typeof(ReceiptsPageFunction).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix}{name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
