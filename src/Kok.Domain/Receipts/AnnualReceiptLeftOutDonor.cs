namespace Kok.Domain.Receipts;

/// <summary>
/// A donor the annual run leaves out, as staff see it: the newest donation of the group, name and email to contact
/// them, why, and the payments that stay without receipt. Personal data: a class, not a record.
/// </summary>
public sealed class AnnualReceiptLeftOutDonor(string donationId, string name, string email, AnnualReceiptLeftOutReason reason, int payments, long totalCents)
{
    public string DonationId { get; } = donationId;

    public string Name { get; } = name;

    public string Email { get; } = email;

    public AnnualReceiptLeftOutReason Reason { get; } = reason;

    public int Payments { get; } = payments;

    public long TotalCents { get; } = totalCents;
}
