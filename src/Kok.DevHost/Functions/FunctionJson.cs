using System.Text.Json;

namespace Kok.DevHost.Functions;

/// <summary>
/// JSON as the isolated worker reads and writes it: System.Text.Json, camelCase, property names case-insensitive.
/// </summary>
public static class FunctionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
