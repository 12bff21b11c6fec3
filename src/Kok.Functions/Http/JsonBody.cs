using System.Text.Json;

namespace Kok.Functions.Http;

/// <summary>A request body that passed the size and media-type checks: its exact bytes and the parsed JSON.</summary>
public sealed class JsonBody(byte[] raw, JsonDocument document) : IDisposable
{
    public byte[] Raw { get; } = raw;

    public JsonElement Root => document.RootElement;

    public void Dispose() => document.Dispose();
}
