namespace Kok.Domain.Membership;

/// <summary>
/// Evidence of consent (Art. 7(1) GDPR): which version of the privacy notice the person agreed to and when, and
/// whether they allowed KOK to name them publicly as a supporting member.
/// </summary>
public sealed record PrivacyConsent(string PrivacyNoticeVersion, DateTimeOffset ConsentedAt, bool ListPublicly);
