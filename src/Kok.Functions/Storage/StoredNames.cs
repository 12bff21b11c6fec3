using System.Text.Json;

namespace Kok.Functions.Storage;

/// <summary>Enum values in storage columns, named as <see cref="KokJson"/> names them ("membership_fee"), never numbered.</summary>
public static class StoredNames
{
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string? name)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (Name(value) == name)
            {
                return value;
            }
        }

        throw new FormatException($"'{name}' is not a stored {typeof(T).Name}.");
    }
}
