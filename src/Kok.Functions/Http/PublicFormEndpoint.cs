using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kok.Functions.Http;

/// <summary>
/// What every public form endpoint (donations, memberships) does before its use case runs: CORS, the per-client
/// rate limit, media type, then the body through <see cref="JsonRequestBody"/>, each failing with its own problem
/// response. One place, so the forms cannot drift apart.
/// </summary>
public sealed class PublicFormEndpoint(Cors cors, ClientRateLimiter rateLimiter)
{
    public const int MaxBodyBytes = 16 * 1024;

    public async Task<IActionResult> HandleAsync(
        HttpRequest request,
        Func<JsonBody, string?, Task<IActionResult>> handle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);

        if (HttpMethods.IsOptions(request.Method))
        {
            return cors.Preflight(request, "POST, OPTIONS");
        }

        cors.Apply(request);

        if (rateLimiter.TryAcquire(request) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many attempts.",
                $"Please try again in {seconds} seconds.");
        }

        if (!IsJson(request.ContentType))
        {
            return ProblemResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
                "Send the form as application/json.");
        }

        var (body, problem) = await JsonRequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        using (body)
        {
            var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
            return await handle(body!, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim());
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));
}
