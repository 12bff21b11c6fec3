namespace Kok.Domain.BankTransfers;

/// <summary>
/// An imported statement entry as remembered: its identity and what became of it (the donation it paid, or the member
/// whose dues it paid); no personal data.
/// </summary>
public sealed record BankEntryRecord(
    string Identity,
    BankEntryOutcome Outcome,
    string? DonationId,
    long AmountCents,
    DateOnly BookingDate,
    DateTimeOffset ImportedAt,
    string? MemberId = null);
