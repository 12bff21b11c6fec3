using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Kok.Functions.Http;

/// <summary>
/// What every public form endpoint (<see cref="PublicFormAttribute"/>: donations, memberships) does before its body is
/// read and its use case runs: answers the CORS preflight, adds the CORS headers, applies the per-client rate limit
/// (429 with <c>Retry-After</c>). Every answer after this one carries the CORS headers, so the website's form can read
/// the problems that follow (415, 413, 400 from <see cref="JsonBodyMiddleware"/>).
/// </summary>
public sealed class PublicFormMiddleware(Cors cors, ClientRateLimiter rateLimiter) : IFunctionsWorkerMiddleware
{
    /// <summary>The client's <c>Idempotency-Key</c>, trimmed; null when absent or blank.</summary>
    public static string? IdempotencyKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Headers["Idempotency-Key"].ToString();
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = MiddlewareAnswer.HttpOf(context);
        var request = http.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            await MiddlewareAnswer.WriteAsync(http, cors.Preflight(request, string.Join(", ", HttpEndpoint.Of(context).Methods)));
            return;
        }

        cors.Apply(request);
        if (rateLimiter.TryAcquire(request) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await MiddlewareAnswer.WriteAsync(http, ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "Too many attempts.",
                $"Please try again in {seconds} seconds."));
            return;
        }

        await next(context);
    }
}
