using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Kok.InfraTests;

/// <summary>A section of a <see cref="RecordingConfiguration"/>; its reads are recorded too.</summary>
internal sealed class RecordingConfigurationSection(IConfigurationSection inner, ConfigurationReads reads) : IConfigurationSection
{
    public string Key => inner.Key;

    public string Path => inner.Path;

    public string? Value
    {
        get
        {
            reads.Record(inner.Path);
            return inner.Value;
        }

        set => inner.Value = value;
    }

    public string? this[string key]
    {
        get
        {
            reads.Record(ConfigurationPath.Combine(inner.Path, key));
            return inner[key];
        }

        set => inner[key] = value;
    }

    public IConfigurationSection GetSection(string key) => new RecordingConfigurationSection(inner.GetSection(key), reads);

    public IEnumerable<IConfigurationSection> GetChildren()
    {
        reads.Record(inner.Path);
        return inner.GetChildren().Select(c => new RecordingConfigurationSection(c, reads)).ToArray();
    }

    public IChangeToken GetReloadToken() => inner.GetReloadToken();
}
