using System.Text.RegularExpressions;

namespace Kok.DevHost.Functions;

internal static partial class QueueNames
{
    public static bool IsValid(string name) => name.Length is >= 3 and <= 63 && Pattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
