using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Http;

/// <summary>
/// How worker middleware answers a request itself, instead of the function: the result is written to the response as
/// the hosts write a function's result; the invocation then has none, which both hosts leave alone.
/// </summary>
internal static class MiddlewareAnswer
{
    /// <summary>The invocation's HttpContext; an HTTP trigger without one is a defect of the host, so this throws.</summary>
    public static HttpContext HttpOf(FunctionContext context) =>
        context.GetHttpContext() ?? throw new InvalidOperationException($"Function {context.FunctionDefinition.Name} has no HttpContext.");

    public static Task WriteAsync(HttpContext http, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
}
