namespace Kok.Domain.SelfService;

/// <summary>Everything "Mein KOK" shows a signed-in supporter: all donations and memberships under their address.</summary>
public sealed record SupporterOverview(
    IReadOnlyList<SupporterDonationView> Donations,
    IReadOnlyList<SupporterMembershipView> Memberships);
