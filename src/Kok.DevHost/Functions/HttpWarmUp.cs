using Microsoft.Net.Http.Headers;

namespace Kok.DevHost.Functions;

/// <summary>
/// Before DevHost listens, runs its read-only HTTP functions once in this process (no socket): the health check and,
/// with the dev staff token, the dashboard summary, each through the same invoker and result execution as a real
/// request, with the answer discarded. The first visitor then finds the invoker, ASP.NET Core's result executors and
/// the functions' code compiled (the storage and serializer part is <c>RequestPathWarmUp</c>, which both hosts run).
/// Nothing is written; a failure only leaves the work to the first request.
/// </summary>
internal sealed partial class HttpWarmUp(
    FunctionCatalog catalog, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<HttpWarmUp> logger) : IHostedService
{
    /// <summary>Functions that only read, with the path that reaches them.</summary>
    internal static readonly (string Function, string Path)[] ReadOnlyFunctions =
    [
        ("Health", "/api/health"),
        ("GetDashboardSummary", "/api/dashboard/summary"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, path) in ReadOnlyFunctions)
        {
            if (catalog.Find(name) is not { } function || catalog.IsDisabled(function))
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = cancellationToken };
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = path;
            if (configuration["Staff:DevToken"] is { Length: > 0 } token)
            {
                http.Request.Headers[HeaderNames.Authorization] = "Bearer " + token;
            }

            http.Response.Body = Stream.Null;
            try
            {
                await HttpFunctionEndpoints.HandleAsync(function, http);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogWarmUpFailed(logger, name, ex.GetType().Name);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up of {Function} at start stopped early ({Reason}).")]
    private static partial void LogWarmUpFailed(ILogger logger, string function, string reason);
}
