namespace Kok.Functions.Storage;

/// <summary>
/// The opaque version a repository hands out with a loaded entity (<c>VersionedMember.Version</c>): the row's ETag to
/// save against, plus what the dashboard list showed for the entity when it was loaded, so a save knows without a
/// read whether the list must change and which rows to replace. Lines, because no part contains a line break.
/// </summary>
internal sealed record StoredVersion(string ETag, string? ListKey, string? ListHash)
{
    public static StoredVersion Parse(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parts = version.Split('\n');
        return new StoredVersion(parts[0], Part(parts, 1), Part(parts, 2));
    }

    public override string ToString() => string.Join('\n', ETag, ListKey ?? string.Empty, ListHash ?? string.Empty);

    private static string? Part(string[] parts, int index) =>
        parts.Length > index && parts[index].Length > 0 ? parts[index] : null;
}
