using System.Text.Json;

namespace Kok.Functions.Http;

/// <summary>
/// Reads typed values out of a JSON form body by path, noting each value of the wrong JSON type (a string where a
/// number belongs, say) so validation can name it instead of calling it missing. Shared by all public forms.
/// </summary>
public sealed class JsonFormReader
{
    private readonly List<string> _wrongType = [];

    public IReadOnlyCollection<string> WrongTypeFields => _wrongType;

    public string? Text(JsonElement parent, string name, string path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        _wrongType.Add(path);
        return null;
    }

    /// <summary>A JSON number as written (25.50 stays 25.50, so the decimals can be checked).</summary>
    public decimal? Number(JsonElement parent, string name, string path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        _wrongType.Add(path);
        return null;
    }

    public bool? Flag(JsonElement parent, string name, string path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        _wrongType.Add(path);
        return null;
    }

    /// <summary>The nested object, or null when absent; a non-object is noted as the wrong type.</summary>
    public JsonElement? Nested(JsonElement parent, string name, string path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        _wrongType.Add(path);
        return null;
    }

    private static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        // Property names match case-sensitively, as the API documents them; null counts as absent.
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }
}
