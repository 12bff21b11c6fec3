namespace Kok.Domain.BankTransfers;

/// <summary>
/// A credit an import could not match, kept for staff (<c>GET /api/dashboard/bank/unmatched</c>) with what they need to
/// decide: amount, date, payer, remittance and the reason. Personal data: the payer's name and the remittance; the
/// IBAN only masked.
/// </summary>
public sealed class UnmatchedBankEntry
{
    public required string Identity { get; init; }

    public required long AmountCents { get; init; }

    public required DateOnly BookingDate { get; init; }

    public string? PayerName { get; init; }

    public string? PayerIbanMasked { get; init; }

    public string Remittance { get; init; } = string.Empty;

    /// <summary>The donation whose code the entry named, when it named one.</summary>
    public string? DonationId { get; init; }

    /// <summary>
    /// A donation this payer's IBAN paid before through a matched entry: a hint at the supporter, for staff to check;
    /// never applied by itself.
    /// </summary>
    public string? SuggestedDonationId { get; init; }

    /// <summary>The member whose dues reference code the entry named, when it named one (a partial payment, say).</summary>
    public string? MemberId { get; init; }

    public required string ExplanationDe { get; init; }

    public required string ExplanationEn { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }
}
