using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The first membership year's dues as the member detail lists them. They are paid at sign-up through the checkout and
/// kept as the member's first payment (<see cref="Member.FirstPayment"/>), not as a <see cref="DuesEntry"/> like the
/// later years, so the dues history would otherwise start with the second year. The period runs from the day the
/// membership began (the payment's Berlin date) for one year.
/// </summary>
public sealed record FirstYearDues(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long AmountCents,
    PaymentStatus Status,
    string PaymentId,
    DateTimeOffset PaidAt,
    PaymentMethodKind Method,
    long RefundedCents)
{
    /// <summary>Null until the first year is paid (a pending or processing sign-up has no membership year yet).</summary>
    public static FirstYearDues? Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.MemberSince is not { } since || member.FirstPayment is not { PaidAt: { } paidAt } payment)
        {
            return null;
        }

        var period = DuesCalendar.PeriodFor(since, since);
        return new FirstYearDues(
            period.Start,
            period.End,
            payment.AmountCents > 0 ? payment.AmountCents : member.AnnualAmountCents,
            payment.Status,
            payment.Id,
            paidAt,
            member.SavedPaymentMethod?.Kind ?? member.PaymentMethod,
            payment.RefundedCents);
    }
}
