namespace Kok.Domain.BankTransfers;

/// <summary>
/// What staff decided about an unmatched statement entry, as sent: <c>decision</c> (<c>assign</c>,
/// <c>assign_dues</c>, <c>new_donation</c> or <c>not_a_donation</c>); to assign, the <c>donationId</c> of a
/// bank-transfer donation still waiting for its money; to assign to dues, the <c>memberId</c>; for a new donation,
/// optionally the payer's <c>name</c> when the statement names none or staff correct it.
/// </summary>
public sealed record BankEntryDecisionForm(string? Decision, string? DonationId, string? MemberId = null, string? Name = null);
