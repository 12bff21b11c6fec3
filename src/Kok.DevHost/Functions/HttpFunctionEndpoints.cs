using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace Kok.DevHost.Functions;

/// <summary>
/// Maps each enabled HTTP function on <c>/{routePrefix}/{Route}</c> (Route defaults to the function name) for the
/// attribute's methods (none listed: all), like the Functions host. Authorization levels are not enforced, as in
/// Core Tools. The function's IActionResult or IResult is executed by ASP.NET Core; a function returning nothing has
/// written the response itself. An exception gives an empty 500, as the host answers.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, FunctionCatalog catalog, HostJsonSettings hostJson)
    {
        foreach (var function in catalog.Functions.Where(f => f.Trigger == FunctionTriggerKind.Http && !catalog.IsDisabled(f)))
        {
            var pattern = RoutePattern(hostJson.RoutePrefix, function);
            var methods = function.HttpTrigger!.Methods is { Length: > 0 } listed
                ? listed.Select(m => m.ToUpperInvariant()).ToArray()
                : null;
            RequestDelegate handler = http => HandleAsync(function, http);
            var endpoint = methods is null ? endpoints.Map(pattern, handler) : endpoints.MapMethods(pattern, methods, handler);
            endpoint.WithDisplayName($"Functions.{function.Name}");
        }
    }

    public static string RoutePattern(string routePrefix, FunctionDescriptor function)
    {
        var route = (function.HttpTrigger!.Route ?? function.Name).Trim('/');
        return routePrefix.Length == 0 ? "/" + route : $"/{routePrefix}/{route}";
    }

    internal static async Task HandleAsync(FunctionDescriptor function, HttpContext http)
    {
        var invoker = http.RequestServices.GetRequiredService<FunctionInvoker>();
        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in http.Request.Query)
        {
            bindingData[key] = value.ToString();
        }

        foreach (var (key, value) in http.Request.RouteValues)
        {
            bindingData[key] = value;
        }

        var context = new DevHostFunctionContext(function, http.RequestServices, bindingData, http.RequestAborted);
        context.Items[DevHostFunctionContext.HttpContextItemKey] = http;

        object? result;
        try
        {
            result = await invoker.InvokeAsync(context, TriggerInput.ForHttp(http));
        }
        catch (Exception)
        {
            // Logged by the invoker.
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return;
        }

        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(http);
                break;
        }
    }
}
