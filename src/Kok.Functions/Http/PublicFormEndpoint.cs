using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kok.Functions.Http;

/// <summary>
/// What every public form endpoint (donations, memberships) does before its use case runs: CORS, the per-client
/// rate limit, media type, size limit and JSON parsing, each failing with its own problem response. One place, so
/// the forms cannot drift apart.
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

        var raw = await ReadLimitedAsync(request, cancellationToken);
        if (raw is null)
        {
            return ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large.",
                $"The body may have at most {MaxBodyBytes} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]>
            {
                ["body"] = ["The body is not valid JSON."],
            });
        }

        using var body = new JsonBody(raw, document);
        if (body.Root.ValueKind != JsonValueKind.Object)
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object."] });
        }

        var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
        return await handle(body, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim());
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)));

    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
