using Kok.Domain.Common;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The member detail for staff. Cost: one point read of the member, two range queries on the mail log, one query on
/// the audit trail and two point reads in the receipt register per paid payment (a member has one a year).
/// </summary>
public sealed class GetMemberDetail(
    IMemberRepository members,
    IMemberActivity activity,
    IReceiptRegister receipts,
    IAuditTrail audit,
    TimeProvider time)
{
    public const int MaxAuditEntries = 50;

    public async Task<MemberDetail?> ExecuteAsync(string memberId, CancellationToken cancellationToken)
    {
        // Malformed ids cannot exist; answering without a storage call keeps odd strings out of storage keys.
        if (!Member.IsWellFormedId(memberId))
        {
            return null;
        }

        var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
        if (stored?.Member is not { } member)
        {
            return null;
        }

        var mails = await activity.ListMailsAsync(memberId, cancellationToken).ConfigureAwait(false);
        var trail = await audit.ListAsync(memberId, MaxAuditEntries, cancellationToken).ConfigureAwait(false);
        var issued = new List<MemberReceiptLine>();
        foreach (var payment in member.Payments.Where(p => p.PaidAt is not null))
        {
            var key = ReceiptPaymentKey.For(ReceiptSubjectKind.Membership, member.Id, payment.Id);
            if (await receipts.GetByPaymentAsync(key, cancellationToken).ConfigureAwait(false) is { } receipt)
            {
                issued.Add(new MemberReceiptLine(
                    receipt.Number, receipt.Document.IssueDate, receipt.Document.AmountCents, payment.Id, receipt.Document.WithdrawnOn));
            }
        }

        var today = AssociationCalendar.Date(time.GetUtcNow());
        var open = member.PayableDuesPeriod(today);
        var outstanding = open is { } period ? member.DuesEntryFor(period.Start)?.AmountCents ?? member.AnnualAmountCents : 0;
        return new MemberDetail(
            MemberView.Of(member),
            open?.Start ?? member.NextDuesDate,
            outstanding,
            member.DuesEntries,
            member.Payments.Select(p => Line(member, p)).ToList(),
            mails.Select(MemberMailLine.Of).OrderBy(m => m.At).ThenBy(m => m.SubjectId, StringComparer.Ordinal).ToList(),
            issued,
            trail,
            FirstYearDues.Of(member));
    }

    private static MemberPaymentLine Line(Member member, Donations.Payment payment)
    {
        var entry = member.DuesEntries.FirstOrDefault(e => e.PaymentId == payment.Id);
        var method = entry?.PaidWith ?? member.SavedPaymentMethod?.Kind ?? member.PaymentMethod;
        return new MemberPaymentLine(
            payment.Id,
            payment.AmountCents,
            payment.Status,
            payment.CreatedAt,
            payment.PaidAt,
            method,
            entry?.TransferReference,
            entry?.PeriodStart,
            payment.RefundedCents);
    }
}
