using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// The answer of <see cref="Member.ReceiveDuesTransfer"/>: the outcome, the dues the period asked for
/// (<see cref="DuesCents"/>), what came on top of them (<see cref="ExtraCents"/>, recorded as a donation), the period
/// and payment paid, and the events raised (<see cref="MemberActivated"/> for a first year, else <see cref="DuesPaid"/>).
/// </summary>
public sealed record DuesTransferResult(
    DuesTransferOutcome Outcome,
    long DuesCents = 0,
    long ExtraCents = 0,
    DateOnly? PeriodStart = null,
    string? PaymentId = null,
    IReadOnlyList<MemberEvent>? Events = null)
{
    public IReadOnlyList<MemberEvent> RaisedEvents => Events ?? [];

    /// <summary>The donation the extra became (<see cref="PayDuesByTransfer"/>), once recorded.</summary>
    public string? ExtraDonationId { get; init; }
}
