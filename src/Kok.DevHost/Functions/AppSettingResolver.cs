using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Functions;

/// <summary>
/// Resolves <c>%Setting%</c> tokens in trigger attributes (queue names, schedules) from configuration, as the
/// Functions host's name resolver does; a missing setting is an error naming it.
/// </summary>
public sealed partial class AppSettingResolver(IConfiguration configuration)
{
    public string Resolve(string value, string usedFor)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SettingToken().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            var resolved = configuration[name];
            return string.IsNullOrEmpty(resolved)
                ? throw new InvalidOperationException($"The app setting '{name}' used in {usedFor} ('{value}') is not set.")
                : resolved;
        });
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingToken();
}
