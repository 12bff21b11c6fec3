namespace Kok.Domain.Privacy.Export;

/// <summary>
/// Evidence of what the supporter agreed to (Art. 7 Abs. 1 DSGVO): for the donation or membership
/// <see cref="Concerning"/>, the privacy notice version shown, when, and (memberships) whether they allowed being
/// named publicly as a supporting member. A donation made before the version was recorded has none.
/// </summary>
public sealed record ExportedConsent(string Concerning, string? PrivacyNoticeVersion, DateTimeOffset At, bool? ListPublicly);
