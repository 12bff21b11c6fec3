namespace Kok.Domain.BankTransfers;

/// <summary>
/// One entry of an import as staff see it: the outcome, the donation it paid (if any), and why, in one line in German
/// and in English. The payer's IBAN only masked. An unmatched entry may suggest the donation its payer's account paid
/// before (<see cref="SuggestedDonationId"/>), never applied by itself.
/// </summary>
public sealed record BankImportLine(
    BankEntryOutcome Outcome,
    string? DonationId,
    long AmountCents,
    DateOnly BookingDate,
    string? PayerName,
    string? PayerIbanMasked,
    string ExplanationDe,
    string ExplanationEn,
    string? SuggestedDonationId = null)
{
    /// <summary>The member whose dues reference code the entry named (paid, or left for staff when the amount fell short).</summary>
    public string? MemberId { get; init; }
}
