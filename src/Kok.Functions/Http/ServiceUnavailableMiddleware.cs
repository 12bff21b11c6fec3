using System.Globalization;
using System.Net.Sockets;
using Azure;
using Azure.Identity;
using Kok.Domain.Payments;
using Kok.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Http;

/// <summary>
/// Worker middleware for HTTP triggers: runs the invocation under the interactive <see cref="StorageBudget"/> (the app
/// registers <see cref="StorageBudget.Interactive"/>), and when
/// storage (or the payment provider) cannot be reached answers 503 problem+json with <c>Retry-After</c> instead of
/// the host's bare 500: the public forms show "try again in a minute" (they recognise <see cref="ProblemType"/>),
/// Stripe redelivers the webhook. Nothing else changes: headers already set (CORS) stay, other exceptions
/// propagate. Logged with the exception types and storage status codes only; messages may quote keys or URLs.
/// </summary>
public sealed class ServiceUnavailableMiddleware(StorageBudget interactive, ILogger<ServiceUnavailableMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>The problem <c>type</c> of this answer, stable, for clients that show their own text.</summary>
    public const string ProblemType = "urn:kok:problem:try-again-later";

    public const int RetryAfterSeconds = 60;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var budget = StorageBudget.Enter(interactive);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http
                                   && IsUnavailable(ex, http.RequestAborted))
        {
            logger.LogWarning("{Function} answered 503: a service it needs is unavailable ({Failure})",
                context.FunctionDefinition.Name, Describe(ex));
            var wait = ex is PaymentGatewayException { RetryAfter: { } asked } ? (int)Math.Ceiling(asked.TotalSeconds) : RetryAfterSeconds;
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            await MiddlewareAnswer.WriteAsync(http, Answer(wait));
        }
    }

    /// <summary>
    /// Storage did not answer (network failure, timeout, 5xx or throttling, also after the SDK's retries), its
    /// credential could not be obtained, or the payment provider failed transiently. A request the client aborted is
    /// not answered at all.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken requestAborted) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
                                        && aggregate.InnerExceptions.All(e => IsUnavailable(e, requestAborted)),
        AuthenticationFailedException or TimeoutException or HttpRequestException or SocketException => true,
        PaymentGatewayException payment => payment.IsTransient,
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };

    private static ObjectResult Answer(int retryAfterSeconds)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = ProblemType,
            Title = "Temporarily unavailable.",
            Detail = retryAfterSeconds <= RetryAfterSeconds
                ? "The request could not be completed right now. Please try again in a minute."
                : $"The request could not be completed right now. Please try again in {retryAfterSeconds} seconds.",
        };
        problem.Extensions["retryAfterSeconds"] = retryAfterSeconds;
        var result = new ObjectResult(problem) { StatusCode = StatusCodes.Status503ServiceUnavailable };
        result.ContentTypes.Add(ProblemResults.ContentType);
        return result;
    }

    /// <summary>"3 × RequestFailedException 0": types, storage status and error codes, never messages.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        RequestFailedException failed => $"{failed.GetType().Name} {failed.Status}{(failed.ErrorCode is { } code ? " " + code : string.Empty)}",
        AggregateException aggregate => string.Join(", ", aggregate.InnerExceptions.Select(Describe).GroupBy(d => d, StringComparer.Ordinal)
            .Select(g => g.Count() > 1 ? $"{g.Count()} × {g.Key}" : g.Key)),
        _ => exception.GetType().Name,
    };
}
