using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Kok.InfraTests;

/// <summary>The configuration keys looked up through a <see cref="RecordingConfiguration"/>.</summary>
internal sealed class ConfigurationReads
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Keys => _keys.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Records a key; array indexes (<c>Website:Origins:0</c>) count as their array (<c>Website:Origins</c>).</summary>
    public void Record(string path)
    {
        var segments = path.Split(ConfigurationPath.KeyDelimiter).Where(s => s.Length > 0 && !s.All(char.IsAsciiDigit));
        var key = ConfigurationPath.Combine(segments);
        if (key.Length > 0)
        {
            _keys.TryAdd(key, 0);
        }
    }
}
