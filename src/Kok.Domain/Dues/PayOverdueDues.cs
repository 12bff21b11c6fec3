using Kok.Domain.Common;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.Dues;

/// <summary>
/// The pay link in dues mails (<see cref="MemberLinks.PayDuesUrl"/>): checks the token (purpose
/// <see cref="MemberLinks.PayDuesPurpose"/>) before storage is touched, loads the member and opens a hosted checkout
/// for <see cref="Member.PayableDuesPeriod"/>: the overdue period, or for a lapsed member the membership year that
/// contains today. Writes nothing: the checkout's events (metadata <c>duesPeriod</c>) settle the dues through
/// <see cref="Member.Apply"/>, which also makes an overdue or lapsed member active again.
/// Cost: one point read and one provider call (idempotent per member and period in the gateway).
/// </summary>
public sealed class PayOverdueDues(
    IMemberRepository members,
    IPaymentGateway gateway,
    MemberLinks links,
    TimeProvider timeProvider)
{
    /// <exception cref="PaymentGatewayException">The provider could not open the checkout.</exception>
    public async Task<PayDuesResult> ExecuteAsync(string memberId, string? token, CancellationToken cancellationToken)
    {
        if (!Member.IsWellFormedId(memberId))
        {
            return new PayDuesLinkRejected(LinkTokenCheck.Invalid);
        }

        var now = timeProvider.GetUtcNow();
        var check = links.Check(memberId, MemberLinks.PayDuesPurpose, token, now);
        if (check != LinkTokenCheck.Valid)
        {
            return new PayDuesLinkRejected(check);
        }

        var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (stored?.Member is not { } member)
        {
            return new PayDuesMemberNotFound();
        }

        if (member.PayableDuesPeriod(AssociationCalendar.Date(now)) is not { } period)
        {
            return new NoDuesToPay(member.Status, PaymentInProgress: false, member.Locale);
        }

        if (member.DuesEntryFor(period.Start) is { Status: DuesEntryStatus.Processing or DuesEntryStatus.Pending })
        {
            return new NoDuesToPay(member.Status, PaymentInProgress: true, member.Locale);
        }

        var session = await gateway.CreateDuesCheckoutAsync(
            new DuesCheckoutRequest(member.Id, period.Start, member.AnnualAmountCents, member.PaymentMethod, member.CustomerId, member.Email, member.Locale),
            cancellationToken).ConfigureAwait(false);
        return new DuesCheckoutStarted(session.Url, period);
    }
}
