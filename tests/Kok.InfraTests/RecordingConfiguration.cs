using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Kok.InfraTests;

/// <summary>
/// Wraps a configuration root and records every key the code looks up: the indexer, <c>GetSection(..).Value</c>
/// (which <c>GetValue</c> uses), and <c>GetChildren</c> (which binding arrays and objects uses).
/// </summary>
internal sealed class RecordingConfiguration(IConfigurationRoot inner, ConfigurationReads reads) : IConfigurationRoot
{
    public string? this[string key]
    {
        get
        {
            reads.Record(key);
            return inner[key];
        }

        set => inner[key] = value;
    }

    public IEnumerable<IConfigurationProvider> Providers => inner.Providers;

    public IConfigurationSection GetSection(string key) => new RecordingConfigurationSection(inner.GetSection(key), reads);

    public IEnumerable<IConfigurationSection> GetChildren() =>
        inner.GetChildren().Select(c => new RecordingConfigurationSection(c, reads)).ToArray();

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    public void Reload() => inner.Reload();
}
