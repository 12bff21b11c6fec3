namespace Kok.Domain.BankTransfers;

/// <summary>
/// What staff decided about an unmatched statement entry, as sent: <c>decision</c> (<c>assign</c> or
/// <c>not_a_donation</c>) and, to assign, the <c>donationId</c> of a bank-transfer donation still waiting for its money.
/// </summary>
public sealed record BankEntryDecisionForm(string? Decision, string? DonationId);
