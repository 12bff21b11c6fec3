using Kok.Domain.Mail;

namespace Kok.Domain.Membership;

/// <summary>
/// The member mailer's use case: sends the mail a <see cref="MemberMailRequest"/> asks for at most once per
/// (kind, member), through the same <see cref="MailDispatcher"/> and mail log as receipts.
/// <para>
/// The payment handler enqueues a mail request before it saves the member (so a crash in between cannot lose the
/// mail), so a request may arrive before the state that makes it due. A mail that is not due is therefore not
/// dropped but retried (<see cref="MemberMailNotDueException"/>); should it never become due, the message ends in the
/// queue's poison queue, where staff see it.
/// </para>
/// </summary>
public sealed class SendMemberMail(ComposeMemberMail compose, MailDispatcher dispatcher)
{
    public Task<MailDispatch> ExecuteAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kind = request.Kind switch
        {
            MemberMailKind.Welcome => MailKind.MemberWelcome,
            MemberMailKind.CancellationConfirmed => MailKind.MemberCancellationConfirmed,
            MemberMailKind.FirstPaymentFailed => MailKind.MemberFirstPaymentFailed,
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown member mail."),
        };

        return dispatcher.SendOnceAsync(
            new MailLogKey(kind, request.MemberId),
            async ct => await compose.ExecuteAsync(request, ct).ConfigureAwait(false) is { } message
                ? PreparedMail.Send(message)
                : throw new MemberMailNotDueException(request.Kind),
            cancellationToken);
    }
}
