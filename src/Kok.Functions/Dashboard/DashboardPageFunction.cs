using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The office dashboard page: <c>GET /dashboard</c> (HTML) and its script, style and icon at
/// <c>GET /dashboard/assets/{name}</c>, all staff only and embedded in this assembly (no build step, no files to
/// deploy). The page draws everything itself from <c>/api/dashboard/*</c> with the browser's own sign-in cookie, so
/// the Content-Security-Policy allows nothing but this origin. Asset URLs carry a hash of their content, so a
/// browser may keep them for a year and still gets new ones after a deployment.
/// </summary>
[StaffOnly]
public sealed class DashboardPageFunction
{
    /// <summary>Staff pages: nothing but this origin's own files, never framed; the referrer stays on this site.</summary>
    public static readonly PageHeaders Headers =
        PageHeaders.For("same-origin", scriptSrc: "'self'", styleSrc: "'self'", imgSrc: "'self'", connectSrc: "'self'");

    public static readonly string ContentSecurityPolicy = Headers.ContentSecurityPolicy;

    private const string ResourcePrefix = "Kok.Functions.Dashboard.Page.";

    /// <summary>Where dashboard.js takes its texts (a JSON object, which is a JavaScript expression too).</summary>
    private const string TextsPlaceholder = "/*{{texts}}*/ null";

    private static readonly FrozenDictionary<string, Asset> Assets = new Dictionary<string, Asset>(StringComparer.Ordinal)
    {
        ["dashboard.css"] = Asset.Load("dashboard.css", "text/css; charset=utf-8"),
        ["dashboard.js"] = Asset.Script("dashboard.js", "dashboard.texts.json"),
        ["favicon.svg"] = Asset.Load("favicon.svg", "image/svg+xml"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string Html = Assets.Aggregate(
        Encoding.UTF8.GetString(Asset.Read("dashboard.html")),
        (html, asset) => html.Replace("{{v:" + asset.Key + "}}", asset.Value.Version, StringComparison.Ordinal));

    [Function("DashboardPage")]
    [StaffOnly(SignInReturnsTo = "/dashboard")]
    public static IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Headers.ApplyTo(request.HttpContext.Response, "no-cache");
        return new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "text/html; charset=utf-8", Content = Html };
    }

    [Function("DashboardAsset")]
    public static IActionResult AssetFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/assets/{name}")] HttpRequest request,
        string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (name is null || !Assets.TryGetValue(name, out var asset))
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "Not found.");
        }

        var current = string.Equals(request.Query["v"].ToString(), asset.Version, StringComparison.Ordinal);
        Headers.ApplyTo(request.HttpContext.Response, current ? "private, max-age=31536000, immutable" : "no-cache");
        return new FileContentResult(asset.Content, asset.ContentType);
    }

    private sealed record Asset(byte[] Content, string ContentType, string Version)
    {
        public static Asset Load(string name, string contentType)
        {
            var content = Read(name);
            return new Asset(content, contentType, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
        }

        /// <summary>
        /// The script with its texts (German and English, <paramref name="textsName"/>) in place of its
        /// <see cref="TextsPlaceholder"/>: one file, one request, and the texts stay a JSON file of their own that
        /// tests can read.
        /// </summary>
        public static Asset Script(string name, string textsName)
        {
            var script = Encoding.UTF8.GetString(Read(name));
            if (!script.Contains(TextsPlaceholder, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{name} has no {TextsPlaceholder} for its texts.");
            }

            var content = Encoding.UTF8.GetBytes(script.Replace(TextsPlaceholder, Encoding.UTF8.GetString(Read(textsName)).Trim(), StringComparison.Ordinal));
            return new Asset(content, "text/javascript; charset=utf-8", Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
        }

        public static byte[] Read(string name)
        {
            using var stream = typeof(DashboardPageFunction).Assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"Embedded resource {ResourcePrefix}{name} is missing.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
