using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kok.Functions.Storage;

/// <summary>
/// JSON as the app writes it everywhere (API bodies, stored snapshots, queue messages): camelCase, enums as
/// lower-case names ("sepa_debit", "paid"), so stored data survives reordering an enum.
/// </summary>
public static class KokJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
