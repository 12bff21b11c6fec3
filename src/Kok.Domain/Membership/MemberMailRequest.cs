using System.Text.Json.Serialization;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// Asks the mailer for one member mail. Ids only: no personal data sits in the queue. Delivery is at least once; the
/// consumer must send at most once per <see cref="MailSubjectId"/> and kind, and re-checks that the mail is still due.
/// Dues mails name the period they are about (and reminders their number), because they come again every year.
/// </summary>
public sealed record MemberMailRequest(
    MemberMailKind Kind,
    string MemberId,
    DateOnly? PeriodStart = null,
    int? ReminderNumber = null)
{
    public static MemberMailRequest ForPeriod(MemberMailKind kind, string memberId, DateOnly periodStart, int? reminderNumber = null) =>
        new(kind, memberId, periodStart, reminderNumber);

    /// <summary>True for the mails of the yearly dues run, which need <see cref="PeriodStart"/>.</summary>
    [JsonIgnore]
    public bool IsDuesMail => Kind is MemberMailKind.DuesPreNotification or MemberMailKind.DuesChargeFailed
        or MemberMailKind.DuesReminder or MemberMailKind.DuesLapsed;

    /// <summary>Whether the fields fit the kind (a dues mail names its period; a reminder its number).</summary>
    [JsonIgnore]
    public bool IsWellFormed =>
        Enum.IsDefined(Kind) && Member.IsWellFormedId(MemberId)
        && (IsDuesMail ? PeriodStart is not null : PeriodStart is null && ReminderNumber is null)
        && (Kind == MemberMailKind.DuesReminder ? ReminderNumber is > 0 and < 10 : ReminderNumber is null);

    /// <summary>The mail log's subject: the member, plus period and reminder number for dues mails.</summary>
    [JsonIgnore]
    public string MailSubjectId => PeriodStart is { } start
        ? $"{MemberId}:{PaymentMetadataKeys.Period(start)}" + (ReminderNumber is { } n ? $":r{n}" : string.Empty)
        : MemberId;
}
