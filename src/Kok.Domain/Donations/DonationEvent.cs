namespace Kok.Domain.Donations;

/// <summary>Something that happened to a donation that others (receipts, mails) react to.</summary>
public abstract record DonationEvent(string DonationId);
