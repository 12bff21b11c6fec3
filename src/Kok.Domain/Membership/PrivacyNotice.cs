namespace Kok.Domain.Membership;

/// <summary>
/// The privacy text the membership form shows next to its consent box (web/membership.js carries the same version).
/// Change <see cref="CurrentVersion"/> whenever the wording changes, so each consent names the text agreed to.
/// </summary>
public static class PrivacyNotice
{
    public const string CurrentVersion = "membership-privacy-2026-01";
}
