using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Http;

/// <summary>A request body that passed the size and media-type checks: its exact bytes and the parsed JSON.</summary>
public sealed class JsonBody(byte[] raw, JsonDocument document) : IDisposable
{
    public byte[] Raw { get; } = raw;

    public JsonElement Root => document.RootElement;

    /// <summary>
    /// The body <see cref="JsonBodyMiddleware"/> read for this request. A function that does not declare
    /// <see cref="AcceptsJsonAttribute"/> has none, and asking throws (a 500): a defect, never the client's doing.
    /// </summary>
    public static JsonBody Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(typeof(JsonBody), out var body) && body is JsonBody json
            ? json
            : throw new InvalidOperationException("No JSON body: the function does not declare [AcceptsJson].");
    }

    public void Dispose() => document.Dispose();

    internal void AttachTo(HttpContext http) => http.Items[typeof(JsonBody)] = this;
}
