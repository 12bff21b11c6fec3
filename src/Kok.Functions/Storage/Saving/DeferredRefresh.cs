using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// The message a save puts on <see cref="QueueName"/> when it leaves work for deferred projections: which aggregate
/// (its table's name), its id, and the revision the save writes. Ids only, no personal data.
/// </summary>
public sealed record DeferredRefresh(
    [property: JsonPropertyName("aggregate")] string Aggregate,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("revision")] long Revision)
{
    public const string QueueName = "projections";


    /// <summary>The message, or null when it is not one (not JSON, a part missing, an id that no row can have).</summary>
    public static DeferredRefresh? Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DeferredRefresh>(message) is { } refresh
                && SafeName(refresh.Aggregate) && SafeName(refresh.Id) && refresh.Revision > 0
                ? refresh
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool SafeName(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
