using Kok.Domain.Common;
using System.Text.Json.Serialization;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// Asks the mailer for one member mail. Ids only: no personal data sits in the queue. Delivery is at least once; the
/// consumer must send at most once per <see cref="MailSubjectId"/> and kind, and re-checks that the mail is still due.
/// Dues mails name the period they are about (and reminders their number), because they come again every year; a
/// staff reminder names the staff action (its audit entry id), so every click sends one mail and a redelivered
/// message none. A pay-link mail for money the bank took back names that payment (<see cref="TakenBackPaymentId"/>), so
/// the mailer can tell a request that overtook the take-back's save (the period still looks paid) from one that is
/// obsolete (paid again since); it is not part of the mail log's subject.
/// </summary>
public sealed record MemberMailRequest(
    MemberMailKind Kind,
    string MemberId,
    DateOnly? PeriodStart = null,
    int? ReminderNumber = null,
    string? StaffActionId = null,
    string? TakenBackPaymentId = null)
{
    public static MemberMailRequest ForPeriod(MemberMailKind kind, string memberId, DateOnly periodStart, int? reminderNumber = null) =>
        new(kind, memberId, periodStart, reminderNumber);

    /// <summary>True for the mails of the yearly dues run, which need <see cref="PeriodStart"/>.</summary>
    [JsonIgnore]
    public bool IsDuesMail => Kind is MemberMailKind.DuesPreNotification or MemberMailKind.DuesChargeFailed
        or MemberMailKind.DuesReminder or MemberMailKind.DuesLapsed or MemberMailKind.DuesStaffReminder
        or MemberMailKind.DuesTransferRequest;

    /// <summary>Whether the fields fit the kind (a dues mail names its period; a reminder its number).</summary>
    [JsonIgnore]
    public bool IsWellFormed =>
        Enum.IsDefined(Kind) && Member.IsWellFormedId(MemberId)
        && (IsDuesMail ? PeriodStart is not null : PeriodStart is null && ReminderNumber is null)
        && (Kind == MemberMailKind.DuesReminder ? ReminderNumber is > 0 and < 10 : ReminderNumber is null)
        && (Kind == MemberMailKind.DuesStaffReminder ? IsActionId(StaffActionId) : StaffActionId is null)
        && (TakenBackPaymentId is null
            || (Kind == MemberMailKind.DuesChargeFailed && RandomIdGenerator.IsWellFormed(TakenBackPaymentId, Member.PaymentIdPrefix)));

    /// <summary>The mail log's subject: the member, plus period and reminder number for dues mails.</summary>
    [JsonIgnore]
    public string MailSubjectId => PeriodStart is { } start
        ? $"{MemberId}:{PaymentMetadataKeys.Period(start)}" + (ReminderNumber is { } n ? $":r{n}" : string.Empty)
            + (StaffActionId is { } action ? ":" + action : string.Empty)
        : MemberId;

    /// <summary>A staff reminder for the period, named after the staff action that asked for it.</summary>
    public static MemberMailRequest StaffReminder(string memberId, DateOnly periodStart, string staffActionId) =>
        new(MemberMailKind.DuesStaffReminder, memberId, periodStart, StaffActionId: staffActionId);

    private static bool IsActionId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
