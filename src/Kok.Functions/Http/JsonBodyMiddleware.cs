using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Net.Http.Headers;

namespace Kok.Functions.Http;

/// <summary>
/// Reads the JSON body a function declares (<see cref="AcceptsJsonAttribute"/>) once, before the function runs:
/// 415 unless the media type is JSON, then <see cref="JsonRequestBody"/> (413 over the limit whatever Content-Length
/// claims, 400 naming the field for what is not one readable JSON object). The function gets the parsed body
/// (<see cref="JsonBody.Of"/>), which is disposed when it has answered.
/// </summary>
public sealed class JsonBodyMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var maxBytes = HttpEndpoint.Of(context).JsonBodyMaxBytes ?? throw new InvalidOperationException($"{context.FunctionDefinition.Name} takes no JSON body.");
        var http = MiddlewareAnswer.HttpOf(context);
        if (!IsJson(http.Request.ContentType))
        {
            await MiddlewareAnswer.WriteAsync(http, ProblemResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
                "Send the body as application/json."));
            return;
        }

        var (body, problem) = await JsonRequestBody.ReadAsync(http.Request, maxBytes, context.CancellationToken);
        if (problem is not null)
        {
            await MiddlewareAnswer.WriteAsync(http, problem);
            return;
        }

        using (body)
        {
            body!.AttachTo(http);
            await next(context);
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
