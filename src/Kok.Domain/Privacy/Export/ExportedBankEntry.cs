using Kok.Domain.BankTransfers;

namespace Kok.Domain.Privacy.Export;

/// <summary>
/// A row of the imported bank entries that names one of the supporter's donations: a statement entry matched or
/// assigned to it (<see cref="Outcome"/>, amount, booking date), an entry still waiting for staff with the payer's name,
/// masked IBAN and remittance text, or the pseudonym of the payer's account kept to suggest this donation for later
/// credits (<see cref="RemembersPayerAccount"/>, nothing but the donation id).
/// </summary>
public sealed record ExportedBankEntry(string DonationId)
{
    public BankEntryOutcome? Outcome { get; init; }

    public long? AmountCents { get; init; }

    public DateOnly? BookingDate { get; init; }

    public DateTimeOffset? ImportedAt { get; init; }

    public string? PayerName { get; init; }

    public string? PayerIbanMasked { get; init; }

    public string? Remittance { get; init; }

    public bool RemembersPayerAccount { get; init; }
}
