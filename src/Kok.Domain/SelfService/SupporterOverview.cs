namespace Kok.Domain.SelfService;

/// <summary>
/// Everything "Mein KOK" shows a signed-in supporter: all donations and memberships under their address, every
/// receipt issued for them, and the mails we sent (newest first).
/// </summary>
public sealed record SupporterOverview(
    string Language,
    IReadOnlyList<SupporterDonationView> Donations,
    IReadOnlyList<SupporterMembershipView> Memberships,
    IReadOnlyList<SupporterReceiptView> Receipts,
    IReadOnlyList<SupporterMailView> Mails);
