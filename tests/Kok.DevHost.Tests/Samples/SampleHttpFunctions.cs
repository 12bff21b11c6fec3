using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;

namespace Kok.DevHost.Tests.Samples;

/// <summary>HTTP functions DevHost has never heard of: it must find and serve them by their attributes alone.</summary>
public sealed class SampleHttpFunctions(TimeProvider clock)
{
    [Function("SampleGetDonation")]
    public IActionResult GetDonation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/samples/donations/{id}")] HttpRequest request,
        string id) =>
        new OkObjectResult(new { DonationId = id, AmountCents = 2500L, ReadAt = clock.GetUtcNow() });

    [Function("SampleCancelMembership")]
    public static async Task<IResult> CancelMembership(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/samples/memberships/{memberId}/cancel")] HttpRequest request,
        string memberId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var reason = await reader.ReadToEndAsync(cancellationToken);
        return Results.Json(new
        {
            MemberId = memberId,
            Reason = reason,
            Function = context.FunctionDefinition.Name,
            context.InvocationId,
            SameRequest = ReferenceEquals(context.Items[Functions.DevHostFunctionContext.HttpContextItemKey], request.HttpContext),
        });
    }

    [Function("SampleEcho")]
    public static IActionResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/samples/echo")] HttpRequest request,
        [FromBody] SampleOrder order) =>
        new JsonResult(order);

    // No Route: the function name is the route, as in the Functions host.
    [Function("SampleWritesResponse")]
    public static async Task WritesResponse([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request)
    {
        request.HttpContext.Response.StatusCode = StatusCodes.Status202Accepted;
        await request.HttpContext.Response.WriteAsync("written by the function");
    }

    [Function("SampleThrows")]
    public static IActionResult Throws([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/samples/throws")] HttpRequest request) =>
        throw new InvalidOperationException("sample failure");
}
