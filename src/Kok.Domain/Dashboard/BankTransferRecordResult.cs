using Kok.Domain.Dues;
using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The answer of <see cref="RecordDuesBankTransfer"/>. Done: the period paid, its payment id and the member's new
/// status. Invalid: <see cref="Errors"/> per field, with their <see cref="ErrorCodes"/>. Conflict: <see cref="Reason"/> (already paid, nothing payable,
/// a provider payment in progress).
/// </summary>
public sealed record BankTransferRecordResult(
    StaffActionOutcome Outcome,
    string MemberId,
    string? PaymentId = null,
    DateOnly? PeriodStart = null,
    MembershipStatus? Status = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    BankTransferOutcome? Reason = null,
    IReadOnlyDictionary<string, Common.ValidationCode[]>? ErrorCodes = null);
