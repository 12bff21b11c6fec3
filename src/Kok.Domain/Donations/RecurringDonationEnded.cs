namespace Kok.Domain.Donations;

/// <summary>A monthly donation's subscription ended: no further payments will come.</summary>
public sealed record RecurringDonationEnded(string DonationId) : DonationEvent(DonationId);
