using Kok.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;

namespace Kok.Functions.Tests.Http;

/// <summary>A function marked <see cref="PublicFormAttribute"/> and <see cref="AcceptsJsonAttribute"/>, run through the worker middleware.</summary>
public class PublicFormMiddlewareTests
{
    private static readonly WebsiteOptions Website = new(["https://www.kok-gegen-menschenhandel.de"],
        new Uri("https://example.org/ok"), new Uri("https://example.org/cancel"));

    private readonly FakeTimeProvider _time = new();

    private FormEndpoint Endpoint(int permits = 5) =>
        new(new WorkerPipeline(website: Website, rateLimit: new RateLimitOptions(permits, TimeSpan.FromMinutes(5), null), time: _time));

    private static Task<IActionResult> Handled(JsonBody body, string? key) =>
        Task.FromResult<IActionResult>(new OkObjectResult(new { key, name = body.Root.GetProperty("name").GetString() }));

    [Fact]
    public async Task Passes_json_and_idempotency_key_to_the_handler()
    {
        var request = HttpRequests.Create(body: """{"name":"Anna"}""");
        request.Headers["Idempotency-Key"] = " k-1 ";

        var result = Assert.IsType<OkObjectResult>(await Endpoint().HandleAsync(request, Handled, default));

        Assert.Equal("{ key = k-1, name = Anna }", result.Value!.ToString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Not_json_is_415(string? contentType)
    {
        var result = await Endpoint().HandleAsync(HttpRequests.Create(body: "{}", contentType: contentType), Handled, default);

        AssertProblem(result, 415);
    }

    [Fact]
    public async Task Body_over_16_KB_is_413_even_without_content_length()
    {
        var request = HttpRequests.Create(body: "{\"name\":\"" + new string('a', 16 * 1024) + "\"}");
        request.ContentLength = null;

        AssertProblem(await Endpoint().HandleAsync(request, Handled, default), 413);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task Malformed_json_is_400_naming_the_body(string body)
    {
        var result = await Endpoint().HandleAsync(HttpRequests.Create(body: body), Handled, default);

        var problem = AssertProblem(result, 400);
        Assert.Contains("body", Assert.IsType<ValidationProblemDetails>(problem).Errors.Keys);
    }

    [Fact]
    public async Task Sixth_attempt_is_429_with_retry_after()
    {
        var endpoint = Endpoint();
        for (var i = 0; i < 5; i++)
        {
            await endpoint.HandleAsync(HttpRequests.Create(body: "{bad"), Handled, default);
        }

        var request = HttpRequests.Create(body: """{"name":"Anna"}""");
        AssertProblem(await endpoint.HandleAsync(request, Handled, default), 429);
        Assert.Equal("300", request.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Cors_headers_only_for_configured_origins()
    {
        var allowed = HttpRequests.Create(body: """{"name":"Anna"}""");
        allowed.Headers.Origin = "https://www.kok-gegen-menschenhandel.de";
        var foreign = HttpRequests.Create(body: """{"name":"Anna"}""");
        foreign.Headers.Origin = "https://evil.example";

        await Endpoint().HandleAsync(allowed, Handled, default);
        await Endpoint().HandleAsync(foreign, Handled, default);

        Assert.Equal("https://www.kok-gegen-menschenhandel.de", allowed.HttpContext.Response.Headers.AccessControlAllowOrigin.ToString());
        Assert.Empty(foreign.HttpContext.Response.Headers.AccessControlAllowOrigin.ToString());
    }

    [Fact]
    public async Task Preflight_answers_known_origins_and_refuses_others()
    {
        var allowed = HttpRequests.Create("OPTIONS");
        allowed.Headers.Origin = "https://www.kok-gegen-menschenhandel.de";
        var foreign = HttpRequests.Create("OPTIONS");
        foreign.Headers.Origin = "https://evil.example";

        Assert.Equal(204, Assert.IsType<StatusCodeResult>(await Endpoint().HandleAsync(allowed, Handled, default)).StatusCode);
        Assert.Contains("Idempotency-Key", allowed.HttpContext.Response.Headers.AccessControlAllowHeaders.ToString(), StringComparison.Ordinal);
        AssertProblem(await Endpoint().HandleAsync(foreign, Handled, default), 403);
    }

    /// <summary>The form function of the tests: hands the body and key it was given to the test's handler.</summary>
    private sealed class FormEndpoint(WorkerPipeline pipeline)
    {
        public Task<IActionResult> HandleAsync(HttpRequest request, Func<JsonBody, string?, Task<IActionResult>> handle, CancellationToken cancellationToken) =>
            pipeline.RunAsync(request, typeof(SampleForm), nameof(SampleForm.Post), () => SampleForm.Post(request, handle, cancellationToken));
    }

    private sealed class SampleForm
    {
        [Function("SampleForm")]
        [PublicForm]
        [AcceptsJson(PublicFormAttribute.MaxBodyBytes)]
        public static Task<IActionResult> Post(
            [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/sample-form")] HttpRequest request,
            Func<JsonBody, string?, Task<IActionResult>> handle,
            CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return handle(JsonBody.Of(request), PublicFormMiddleware.IdempotencyKey(request));
        }
    }

    private static ProblemDetails AssertProblem(IActionResult result, int status)
    {
        var objectResult = Assert.IsAssignableFrom<ObjectResult>(result);
        Assert.Equal(status, objectResult.StatusCode);
        Assert.Contains("application/problem+json", objectResult.ContentTypes);
        return Assert.IsAssignableFrom<ProblemDetails>(objectResult.Value);
    }
}
