namespace Kok.Domain.Donations;

/// <summary>A donation as loaded, with the opaque concurrency version (ETag) to save it against.</summary>
public sealed record VersionedDonation(Donation Donation, string Version);
