using Kok.Domain.Common;

namespace Kok.Domain.Dashboard;

/// <summary>The query-string rules the dashboard lists share: enum names in snake_case, search text, tokens (years: <see cref="DashboardScope.ParseYearParameter"/>).</summary>
internal static class ListQueryParsing
{
    public const int MaxSearchLength = 200;

    /// <summary>An enum by its snake_case name ("sepa_debit"), as the API writes it; numbers are not names.</summary>
    public static TEnum? Enum<TEnum>(string field, string? text, ValidationErrors errors)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(SnakeCase(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var names = string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => SnakeCase(v.ToString())));
        errors.Add(field, $"Einer von / one of: {names}.");
        return null;
    }

    public static string? Search(string? text, ValidationErrors errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxSearchLength)
        {
            errors.Add("q", $"Höchstens {MaxSearchLength} Zeichen / at most {MaxSearchLength} characters.");
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    public static string? After(string? token, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (ListContinuation.TryDecode(token, out var key))
        {
            return key;
        }

        errors.Add("continuationToken", "Ungültiges Fortsetzungstoken; bitte die Liste neu laden / invalid continuation token; reload the list.");
        return null;
    }

    public static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
