namespace Kok.Domain.BankTransfers;

/// <summary>
/// One entry of an import as staff see it: the outcome, the donation it paid (if any), and why, in one line in German
/// and in English. The payer's IBAN only masked.
/// </summary>
public sealed record BankImportLine(
    BankEntryOutcome Outcome,
    string? DonationId,
    long AmountCents,
    DateOnly BookingDate,
    string? PayerName,
    string? PayerIbanMasked,
    string ExplanationDe,
    string ExplanationEn);
