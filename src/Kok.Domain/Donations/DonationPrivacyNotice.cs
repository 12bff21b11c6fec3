namespace Kok.Domain.Donations;

/// <summary>
/// The privacy notice the donation form shows above its button (web/donate.js carries the same version). No consent
/// is asked: a donation is processed to carry it out and to issue the receipt (Art. 6 Abs. 1 b and c DSGVO); the
/// notice informs (Art. 13). Each donation records the version shown, as memberships record theirs
/// (<see cref="Membership.PrivacyNotice"/>). Change <see cref="CurrentVersion"/> whenever the wording changes.
/// </summary>
public static class DonationPrivacyNotice
{
    public const string CurrentVersion = "donation-privacy-2026-12";
}
