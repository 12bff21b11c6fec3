using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// Dues money the payer's bank took back (a returned SEPA debit, a dispute) and what it does to the member: the period
/// it paid for is unpaid again (<see cref="MemberDues.TakeBack"/>: overdue from that day, the pay-link mail as for a
/// declined charge, its receipt withdrawn), and the returns are counted per SEPA mandate: after
/// <see cref="ReturnsThatStopOffSessionCharges"/> on the mandate saved for off-session charges, the dues run no longer
/// charges it and sends the pay link instead (charging a mandate the bank keeps returning costs fees and gets the
/// account blocked). A new mandate, saved when the member pays by link, starts from zero. A won dispute pays the
/// period again. After each event the member's payments are compared with what was handled already, so the same
/// events in any order end with the same dues state (see <see cref="Member"/>).
/// </summary>
internal sealed class MemberReturns(Member member, MemberDues dues)
{
    public const int ReturnsThatStopOffSessionCharges = 2;

    private readonly SortedDictionary<string, MemberReturn> handled = new(StringComparer.Ordinal);

    /// <summary>The payments taken back so far, by payment id.</summary>
    public IReadOnlyList<MemberReturn> Returns => handled.Values.ToList();

    public void Restore(IEnumerable<MemberReturn>? saved)
    {
        foreach (var taken in saved ?? [])
        {
            handled[taken.PaymentId] = taken;
        }
    }

    /// <summary>How many payments were taken back on <paramref name="mandateId"/>.</summary>
    public int ReturnsOn(string? mandateId) =>
        mandateId is null ? 0 : handled.Values.Count(r => r.MandateId == mandateId);

    /// <summary>Whether the saved method may no longer be charged off-session.</summary>
    public bool StopsOffSessionCharges(SavedPaymentMethod? method) =>
        method is { Kind: PaymentMethodKind.SepaDebit } && ReturnsOn(method.MandateId) >= ReturnsThatStopOffSessionCharges;

    /// <summary>
    /// Handles the payments the bank took back since the last call (and those given back by a won dispute). A return
    /// counts against the mandate its charge named, else the saved SEPA mandate.
    /// </summary>
    public void Reconcile(DateTimeOffset at)
    {
        // Before activation no period is paid that could be taken back; the activating event comes back here.
        if (member.MemberSince is null)
        {
            return;
        }

        foreach (var payment in member.Payments)
        {
            var takenBack = payment.Status is PaymentStatus.Disputed or PaymentStatus.Returned;
            handled.TryGetValue(payment.Id, out var known);
            if (known is null && (takenBack || payment.Dispute is not null && payment.PaidAt is not null))
            {
                // A dispute whose first event to arrive already says "won" only withdraws the receipt (as for donations).
                var mandate = !takenBack ? null
                    : payment.MandateId ?? (member.SavedPaymentMethod is { Kind: PaymentMethodKind.SepaDebit } saved ? saved.MandateId : null);
                handled[payment.Id] = new MemberReturn(payment.Id, mandate, payment.Dispute?.OpenedAt ?? payment.ReturnedAt ?? at, GivenBack: !takenBack);
                dues.TakeBack(payment, at, periodUnpaid: takenBack);
            }
            else if (known is { GivenBack: false } && payment.Status == PaymentStatus.Paid)
            {
                // The dispute was won: the money is there again. It no longer counts against the mandate.
                handled[payment.Id] = known with { GivenBack = true, MandateId = null };
                dues.GiveBack(payment, at);
            }
        }
    }
}
