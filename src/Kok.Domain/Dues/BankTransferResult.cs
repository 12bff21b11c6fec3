using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// The answer of <see cref="Member.RecordBankTransfer"/>: the outcome, and when recorded the period paid, the
/// (derived) payment id and the events raised (one <see cref="DuesPaid"/>, which asks for the receipt mail).
/// </summary>
public sealed record BankTransferResult(
    BankTransferOutcome Outcome,
    DuesPeriod? Period = null,
    string? PaymentId = null,
    long DuesCents = 0,
    IReadOnlyList<MemberEvent>? Events = null)
{
    public IReadOnlyList<MemberEvent> RaisedEvents => Events ?? [];
}
