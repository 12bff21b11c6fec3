using Kok.Domain.Dues;
using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Everything the office sees about one member (<c>GET /api/dashboard/members/{id}</c>): the membership
/// (<see cref="MemberView"/>, plus the date its open or next dues are due and what is outstanding), the dues
/// history (<see cref="FirstYear"/>, paid at sign-up, then <see cref="DuesHistory"/>, the later years' entries), the
/// payments, the mails sent about it, the receipts issued and the staff actions on record.
/// Personal data: staff only, never logged.
/// </summary>
public sealed record MemberDetail(
    MemberView Member,
    DateOnly? DueDate,
    long OutstandingCents,
    IReadOnlyList<DuesEntry> DuesHistory,
    IReadOnlyList<MemberPaymentLine> Payments,
    IReadOnlyList<MemberMailLine> Mails,
    IReadOnlyList<MemberReceiptLine> Receipts,
    IReadOnlyList<AuditEntry> Audit,
    FirstYearDues? FirstYear = null);
