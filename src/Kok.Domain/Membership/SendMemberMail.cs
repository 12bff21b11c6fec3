using Kok.Domain.Dues;
using Kok.Domain.Mail;

namespace Kok.Domain.Membership;

/// <summary>
/// The member mailer's use case: sends the mail a <see cref="MemberMailRequest"/> asks for at most once per
/// (kind, <see cref="MemberMailRequest.MailSubjectId"/>), i.e. once per member, and for dues mails once per member
/// and period (reminders: and number; staff reminders: and staff action), through the same <see cref="MailDispatcher"/> and mail log as receipts.
/// <para>
/// The payment handler, the cancellation and the dues run enqueue a mail request before they save the member (so a
/// crash in between cannot lose the mail), so a request may arrive before the state that makes it due. Each request
/// ends one of four ways (<see cref="ComposeMemberMail"/>, <see cref="ComposeDuesMail"/>):
/// <list type="bullet">
/// <item>due: sent, logged as sent;</item>
/// <item>not yet due: <see cref="MemberMailNotDueException"/>, and the queue function puts the message back for
/// later; should it never become due, it ends in the poison queue after about an hour, where staff see it;</item>
/// <item>no longer due (paid, cancelled, the membership went on meanwhile): acknowledged without a mail, logged as
/// skipped with the reason (<see cref="MailDispatchOutcome.Skipped"/>);</item>
/// <item>the member does not exist: <see cref="Common.UnprocessableMessageException"/>, and the queue function moves
/// the message to the poison queue at once.</item>
/// </list>
/// </para>
/// </summary>
public sealed class SendMemberMail(ComposeMemberMail compose, ComposeDuesMail composeDues, MailDispatcher dispatcher)
{
    public Task<MailDispatch> ExecuteAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Kind switch
        {
            MemberMailKind.Welcome => MailKind.MemberWelcome,
            MemberMailKind.CancellationConfirmed => MailKind.MemberCancellationConfirmed,
            MemberMailKind.FirstPaymentFailed => MailKind.MemberFirstPaymentFailed,
            MemberMailKind.DuesPreNotification => MailKind.DuesPreNotification,
            MemberMailKind.DuesChargeFailed => MailKind.DuesChargeFailed,
            MemberMailKind.DuesReminder => MailKind.DuesReminder,
            MemberMailKind.DuesLapsed => MailKind.DuesLapsed,
            MemberMailKind.DuesStaffReminder => MailKind.DuesStaffReminder,
            MemberMailKind.TransferInstructions => MailKind.MemberTransferInstructions,
            MemberMailKind.DuesTransferRequest => MailKind.DuesTransferRequest,
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown member mail."),
        };

        if (request.IsDuesMail)
        {
            if (!request.IsWellFormed)
            {
                throw new ArgumentException("A dues mail request names its period (and a reminder its number).", nameof(request));
            }

            return dispatcher.SendOnceAsync(
                new MailLogKey(kind, request.MailSubjectId),
                async ct => await composeDues.PrepareAsync(request, ct).ConfigureAwait(false)
                    ?? throw new MemberMailNotDueException(request.Kind),
                cancellationToken);
        }

        return dispatcher.SendOnceAsync(
            new MailLogKey(kind, request.MemberId),
            async ct => await compose.PrepareAsync(request, ct).ConfigureAwait(false)
                ?? throw new MemberMailNotDueException(request.Kind),
            cancellationToken);
    }
}
