using System.Globalization;

namespace Kok.Functions.Storage;

/// <summary>
/// The opaque version a repository hands out with a loaded aggregate (<c>VersionedMember.Version</c>): the row's ETag to
/// save against, its revision (counted up by every save; deferred projections compare it, ETags have no order) and
/// each projection's mark as it was loaded, so a save knows without a read which side tables must change. Lines,
/// because no part contains a line break.
/// </summary>
internal sealed record StoredVersion(string ETag, long Revision, IReadOnlyDictionary<string, string> Marks)
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

        var first = parts[0];
        var separator = first.LastIndexOf('\t');
        return separator >= 0 && long.TryParse(first[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? new StoredVersion(first[..separator], revision, marks)
            : new StoredVersion(first, 0, marks);
    }

    public string? Mark(string name) => Marks.TryGetValue(name, out var mark) ? mark : null;

    public override string ToString() =>
        string.Join('\n', new[] { ETag + "\t" + Revision.ToString(CultureInfo.InvariantCulture) }
            .Concat(Marks.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Key + "\t" + m.Value)));
}
