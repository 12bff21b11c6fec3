using Kok.Domain.Donations;
using Kok.Domain.Mail;

namespace Kok.Domain.Membership;

/// <summary>
/// Builds the mail a <see cref="MemberMailRequest"/> asks for, so the queue consumer only sends it. Returns null when
/// the mail is no longer due (member unknown, not activated, not cancelled, payment not failed after all); the
/// consumer then acknowledges the message without sending. Cost: one point read.
/// </summary>
public sealed class ComposeMemberMail(
    IMemberRepository members,
    MemberMailComposer composer,
    MemberLinks links,
    TimeProvider timeProvider)
{
    public async Task<MailMessage?> ExecuteAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Member.IsWellFormedId(request.MemberId))
        {
            return null;
        }

        var stored = await members.GetAsync(request.MemberId, cancellationToken).ConfigureAwait(false);
        if (stored?.Member is not { } member)
        {
            return null;
        }

        var link = links.CancelUrl(member.Id, timeProvider.GetUtcNow());
        return request.Kind switch
        {
            MemberMailKind.Welcome when member.MemberSince is not null => composer.Welcome(member, link),
            MemberMailKind.CancellationConfirmed when member.CancelledAt is not null => composer.CancellationConfirmed(member, link),
            MemberMailKind.FirstPaymentFailed when member.Status == MembershipStatus.Pending
                && member.FirstPayment?.Status == PaymentStatus.Failed => composer.FirstPaymentFailed(member, link),
            _ => null,
        };
    }
}
