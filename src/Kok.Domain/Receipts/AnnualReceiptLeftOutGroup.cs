namespace Kok.Domain.Receipts;

/// <summary>A donor group the annual run leaves out, why, and the payments that stay without receipt.</summary>
public sealed record AnnualReceiptLeftOutGroup(ReceiptDonorKey DonorKey, AnnualReceiptLeftOutReason Reason, IReadOnlyList<ReceiptablePayment> Payments)
{
    public long TotalCents => Payments.Sum(p => p.AmountCents);

    /// <summary>The donation to show staff (the newest of the group).</summary>
    public string DonationId => Payments.MaxBy(p => p.PaidOn)!.DonationId;
}
