using Kok.Domain.Dashboard;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The answer of <see cref="DecideBankEntry"/>. Done: the entry's <see cref="Decision"/> (and the donation it paid).
/// Invalid: <see cref="Errors"/> per field. Conflict: the entry was decided before (<see cref="Decision"/> names how),
/// or the donation was paid in the meantime. NotFound: no unmatched entry has this identity.
/// </summary>
public sealed record BankEntryDecisionResult(
    StaffActionOutcome Outcome,
    string Identity,
    BankEntryOutcome? Decision = null,
    string? DonationId = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>The member whose dues the entry paid (<see cref="BankEntryOutcome.AssignedToDues"/>).</summary>
    public string? MemberId { get; init; }
}
