namespace Kok.Functions.Storage;

/// <summary>
/// The opaque version a repository hands out with a loaded aggregate (<c>VersionedMember.Version</c>): the row's ETag to
/// save against and each projection's mark as it was loaded, so a save knows without a read which side tables must
/// change. Lines, because no part contains a line break.
/// </summary>
internal sealed record StoredVersion(string ETag, IReadOnlyDictionary<string, string> Marks)
{
    public static StoredVersion Parse(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parts = version.Split('\n');
        var marks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var tab = part.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                marks[part[..tab]] = part[(tab + 1)..];
            }
        }

        return new StoredVersion(parts[0], marks);
    }

    public string? Mark(string name) => Marks.TryGetValue(name, out var mark) ? mark : null;

    public override string ToString() =>
        string.Join('\n', new[] { ETag }.Concat(Marks.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "\t" + m.Value)));
}
