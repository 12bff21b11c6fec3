namespace Kok.Domain.Membership;

/// <summary>The mails a member gets besides dues receipts. Serialise by name ("Welcome") on queues.</summary>
public enum MemberMailKind
{
    /// <summary>After the first dues arrived; queue <c>welcome-mail</c>.</summary>
    Welcome,

    /// <summary>Confirms a cancellation; queue <c>member-mail</c>.</summary>
    CancellationConfirmed,

    /// <summary>The first dues could not be collected, with how to retry; queue <c>member-mail</c>.</summary>
    FirstPaymentFailed,

    /// <summary>SEPA pre-notification (Vorabankündigung) of the coming year's dues; queue <c>member-mail</c>.</summary>
    DuesPreNotification,

    /// <summary>The year's dues could not be collected, with a link to pay; queue <c>member-mail</c>.</summary>
    DuesChargeFailed,

    /// <summary>A reminder of overdue dues, with a link to pay; queue <c>member-mail</c>.</summary>
    DuesReminder,

    /// <summary>Tells the member the membership lapsed for unpaid dues and how to revive it; queue <c>member-mail</c>.</summary>
    DuesLapsed,

    /// <summary>
    /// A reminder staff send by hand from the dashboard (overdue: the reminder mail; lapsed: the lapse mail with the
    /// pay link), once per staff action (<see cref="MemberMailRequest.StaffActionId"/>); queue <c>member-mail</c>.
    /// </summary>
    DuesStaffReminder,

    /// <summary>
    /// A sign-up by bank transfer: the association's account, the first year's dues and the member's reference code;
    /// queue <c>member-mail</c>.
    /// </summary>
    TransferInstructions,

    /// <summary>
    /// The year's dues of a member paying by bank transfer are due: account, amount, due date and reference code,
    /// sent instead of the SEPA pre-notification; queue <c>member-mail</c>.
    /// </summary>
    DuesTransferRequest,
}
