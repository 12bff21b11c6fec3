using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace Kok.DevHost.Functions;

/// <summary>
/// <c>POST /admin/functions/{name}</c> with an optional body <c>{ "input": "..." }</c>: runs a non-HTTP function now,
/// as the Functions host's admin API does, and answers 202 Accepted before it runs. A queue function gets the input
/// as its message body (a direct call: no queue, so no retries or poison queue); a timer function gets a TimerInfo
/// with the current schedule status. An input that is a JSON object or array is passed as its JSON text.
/// Unknown function: 404. HTTP functions are not run here (400, call their route instead); the Functions host
/// would accept them and then fail the invocation, which hides the mistake.
/// </summary>
internal static class AdminFunctionEndpoint
{
    public const string Pattern = "/admin/functions/{name}";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Pattern, HandleAsync).WithDisplayName("DevHost admin: run function");
    }

    private static async Task<IResult> HandleAsync(string name, HttpContext http)
    {
        var services = http.RequestServices;
        var catalog = services.GetRequiredService<FunctionCatalog>();
        if (catalog.Find(name) is not { } function)
        {
            return Results.NotFound();
        }

        if (function.Trigger == FunctionTriggerKind.Http)
        {
            var hostJson = services.GetRequiredService<HostJsonSettings>();
            return Results.BadRequest(
                $"'{function.Name}' is an HTTP function; call it at {HttpFunctionEndpoints.RoutePattern(hostJson.RoutePrefix, function)}.");
        }

        string? input;
        try
        {
            input = await ReadInputAsync(http.Request, http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest("The body must be JSON like { \"input\": \"...\" }.");
        }

        var background = services.GetRequiredService<BackgroundInvocations>();
        switch (function.Trigger)
        {
            case FunctionTriggerKind.Queue:
                var queues = services.GetRequiredService<QueueTriggerHost>();
                var clock = services.GetRequiredService<TimeProvider>();
                var now = clock.GetUtcNow();
                var message = QueuesModelFactory.QueueMessage(
                    Guid.NewGuid().ToString(), string.Empty, BinaryData.FromString(input ?? string.Empty), 1, now, now, now.AddDays(7));
                background.Start(ct => queues.InvokeDirectAsync(function, message, ct));
                break;
            case FunctionTriggerKind.Timer:
                var timers = services.GetRequiredService<TimerTriggerHost>();
                var invoker = services.GetRequiredService<FunctionInvoker>();
                var timerInfo = timers.CreateManualTimerInfo(function);
                background.Start(ct => invoker.InvokeInNewScopeAsync(
                    function,
                    TriggerInput.ForTimer(timerInfo, "This function was programmatically called via the host APIs."),
                    new Dictionary<string, object?>(),
                    string.Empty,
                    ct));
                break;
        }

        return Results.Accepted();
    }

    private static async Task<string?> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The body is not a JSON object.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name.Equals("input", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return null;
    }
}
