using System.Globalization;
using System.Text.Json;

namespace Kok.Functions.Storage;

/// <summary>Enum values in storage columns, named as <see cref="KokJson"/> names them ("membership_fee"), never numbered.</summary>
public static class StoredNames
{
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string? name)
        where T : struct, Enum =>
        TryParse<T>(name) ?? throw new FormatException($"'{name}' is not a stored {typeof(T).Name}.");

    public static T? TryParse<T>(string? name)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (Name(value) == name)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A date as a key or column: ISO 8601, which sorts as text, so "on or before" is one range query.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
