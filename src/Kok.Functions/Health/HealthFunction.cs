using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Health;

public sealed class HealthFunction(StorageHealthCheck storage)
{
    internal static readonly string Version =
        typeof(HealthFunction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthFunction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var reachable = await storage.IsReachableAsync(cancellationToken);
        var body = new HealthReport(reachable ? "ok" : "degraded", reachable ? "ok" : "unreachable", Version);
        return new ObjectResult(body)
        {
            StatusCode = reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
