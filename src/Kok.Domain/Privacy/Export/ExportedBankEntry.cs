using Kok.Domain.BankTransfers;

namespace Kok.Domain.Privacy.Export;

/// <summary>
/// A credit on the association's account matched to (or suggested for) one of the supporter's donations, as imported
/// from the bank statement: the payer's name, masked IBAN and remittance text are kept only while staff decide.
/// </summary>
public sealed record ExportedBankEntry(
    string DonationId,
    BankEntryOutcome Outcome,
    long AmountCents,
    DateOnly BookingDate,
    DateTimeOffset ImportedAt)
{
    public string? PayerName { get; init; }

    public string? PayerIbanMasked { get; init; }

    public string? Remittance { get; init; }

    /// <summary>True for the pseudonym of the payer's account (a hash of the IBAN) kept to suggest this donation for later credits.</summary>
    public bool RemembersPayerAccount { get; init; }
}
