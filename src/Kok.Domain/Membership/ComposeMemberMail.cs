using Kok.Domain.BankTransfers;
using Kok.Domain.Dues;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;

namespace Kok.Domain.Membership;

/// <summary>
/// Builds the mail a <see cref="MemberMailRequest"/> (welcome, cancellation confirmed, first payment failed) asks
/// for, after checking against the stored member that it is due, so the queue consumer only sends it. Three answers,
/// as <see cref="ComposeDuesMail"/> gives them:
/// <list type="bullet">
/// <item>null: not yet due. The payment handler and the cancellation enqueue the request before they save the member,
/// so the request may have overtaken that save (not activated, not cancelled, the failed payment not recorded yet):
/// <see cref="SendMemberMail"/> throws <see cref="MemberMailNotDueException"/> and the queue function puts the message
/// back for later.</item>
/// <item><see cref="PreparedMail.Skip"/>: no longer due (the first payment failed, but the membership went on or
/// ended meanwhile). The message is acknowledged without a mail; the mail log records the reason.</item>
/// <item><see cref="PreparedMail.Send"/>: the mail.</item>
/// </list>
/// A member that does not exist is none of these: <see cref="PrepareAsync"/> throws
/// <see cref="UnprocessableMessageException"/>, and the queue function moves the message to its poison queue.
/// Cost: one point read.
/// </summary>
public sealed class ComposeMemberMail(
    IMemberRepository members,
    MemberMailComposer composer,
    MemberLinks links,
    TimeProvider timeProvider,
    BankTransferSettings? bankTransfers = null,
    DuesTransferMailComposer? transferMails = null)
{
    /// <summary>The mail if it is due now; null when it is not (yet, or any more) or the member is unknown.</summary>
    public async Task<MailMessage?> ExecuteAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = await LoadAsync(request.MemberId, cancellationToken).ConfigureAwait(false);
        return member is null ? null : Prepare(member, request)?.Message;
    }

    /// <summary>The three answers above; throws <see cref="UnprocessableMessageException"/> for an unknown member.</summary>
    public async Task<PreparedMail?> PrepareAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = await LoadAsync(request.MemberId, cancellationToken).ConfigureAwait(false)
            ?? throw UnknownMember(request.MemberId);
        return Prepare(member, request);
    }

    /// <summary>The reason a request for <paramref name="memberId"/> goes to the poison queue; ids only.</summary>
    internal static UnprocessableMessageException UnknownMember(string memberId) =>
        UnprocessableMessageException.UnknownSubject("member", Member.IsWellFormedId(memberId) ? memberId : "(malformed id)");

    private async Task<Member?> LoadAsync(string memberId, CancellationToken cancellationToken) =>
        Member.IsWellFormedId(memberId)
            ? (await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false))?.Member
            : null;

    private PreparedMail? Prepare(Member member, MemberMailRequest request)
    {
        var link = links.CancelUrl(member.Id, timeProvider.GetUtcNow());
        return request.Kind switch
        {
            MemberMailKind.Welcome => member.MemberSince is not null
                ? PreparedMail.Send(composer.Welcome(member, link))
                : NotYetOr(member, "the membership never started"),
            MemberMailKind.CancellationConfirmed => member.CancelledAt is not null
                ? PreparedMail.Send(composer.CancellationConfirmed(member, link))
                : null,
            MemberMailKind.FirstPaymentFailed => member.Status == MembershipStatus.Pending && member.FirstPayment?.Status == PaymentStatus.Failed
                ? PreparedMail.Send(composer.FirstPaymentFailed(member, link))
                : NotYetOr(member, "the membership no longer waits for its first payment"),
            MemberMailKind.TransferInstructions => TransferInstructions(member, link),
            _ => throw new ArgumentException("Not a member mail; dues mails are ComposeDuesMail's.", nameof(request)),
        };
    }

    /// <summary>
    /// Asked for after the sign-up was stored, so never "not yet": due while the first year's transfer is awaited;
    /// skipped once the money came, or when transfers are no longer offered (no account to name).
    /// </summary>
    private PreparedMail TransferInstructions(Member member, Uri link)
    {
        if (!member.AwaitsFirstTransfer)
        {
            return PreparedMail.Skip("the membership no longer waits for its first transfer");
        }

        return bankTransfers?.Account is { } account && transferMails is not null
            ? PreparedMail.Send(transferMails.Instructions(member, account, link))
            : PreparedMail.Skip("bank transfers are not offered any more");
    }

    /// <summary>Not yet while the first payment is open (its save may be still to come); after that, never.</summary>
    private static PreparedMail? NotYetOr(Member member, string obsolete) =>
        member.Status is MembershipStatus.Pending or MembershipStatus.Processing ? null : PreparedMail.Skip(obsolete);
}
