namespace Kok.Domain.Membership;

/// <summary>A member as loaded, with the opaque concurrency version (ETag) to save it against.</summary>
public sealed record VersionedMember(Member Member, string Version);
