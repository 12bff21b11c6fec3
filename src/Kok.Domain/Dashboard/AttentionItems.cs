using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.Dashboard;

/// <summary>
/// What of a donation or member needs staff's attention, derived from its state alone (so a projection can keep the
/// list in step on every save, and any order of events gives the same items): payments disputed or returned (their
/// receipts were withdrawn automatically), failed monthly payments, a monthly donation given up by the provider, a
/// member whose mandate may no longer be charged.
/// </summary>
public static class AttentionItems
{
    public static IReadOnlyList<AttentionItem> Of(Donation donation)
    {
        ArgumentNullException.ThrowIfNull(donation);
        var items = new List<AttentionItem>();
        foreach (var payment in donation.Payments)
        {
            var (kind, at) = payment.Status switch
            {
                PaymentStatus.Disputed => (AttentionKind.Disputed, payment.Dispute!.OpenedAt),
                PaymentStatus.Returned => (AttentionKind.Returned, payment.ReturnedAt!.Value),
                PaymentStatus.Failed when donation.Interval == DonationInterval.Monthly => (AttentionKind.MonthlyPaymentFailed, payment.FailedAt ?? payment.CreatedAt),
                _ => ((AttentionKind?)null, default(DateTimeOffset)),
            };
            if (kind is { } found)
            {
                items.Add(Item(new Subject("donation", donation.Id, donation.Donor.Name, donation.AmountCents), found, payment, at));
            }
        }

        if (donation.Status == DonationStatus.Cancelled && donation.EndReason == SubscriptionEndReason.PaymentFailed && donation.EndedAt is { } ended)
        {
            items.Add(new AttentionItem
            {
                Kind = AttentionKind.MonthlyDonationEnded, SubjectKind = "donation", SubjectId = donation.Id, ReasonCode = "payment_failed",
                AmountCents = donation.AmountCents, At = ended, SupporterName = donation.Donor.Name,
            });
        }

        return items;
    }

    public static IReadOnlyList<AttentionItem> Of(Member member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var items = new List<AttentionItem>();
        foreach (var taken in member.Returns.Where(r => !r.GivenBack))
        {
            if (member.Payments.FirstOrDefault(p => p.Id == taken.PaymentId) is { } payment)
            {
                var kind = payment.Status == PaymentStatus.Disputed ? AttentionKind.Disputed : AttentionKind.Returned;
                items.Add(Item(new Subject("member", member.Id, member.Name, member.AnnualAmountCents), kind, payment, taken.TakenBackAt));
            }
        }

        if (member.OffSessionChargesStopped && member.Returns.Where(r => !r.GivenBack).MaxBy(r => r.TakenBackAt) is { } latest)
        {
            items.Add(new AttentionItem
            {
                Kind = AttentionKind.OffSessionChargesStopped, SubjectKind = "member", SubjectId = member.Id, ReasonCode = "off_session_stopped",
                AmountCents = member.AnnualAmountCents, At = latest.TakenBackAt, SupporterName = member.Name,
            });
        }

        return items;
    }

    private static AttentionItem Item(Subject subject, AttentionKind kind, Payment payment, DateTimeOffset at) => new()
    {
        Kind = kind,
        SubjectKind = subject.Kind,
        SubjectId = subject.Id,
        PaymentId = payment.Id,
        ReasonCode = payment.Dispute?.ReasonCode ?? payment.FailureCode ?? string.Empty,
        AmountCents = payment.AmountCents > 0 ? payment.AmountCents : subject.FallbackAmountCents,
        At = at,
        SupporterName = subject.Name,
    };

    /// <summary>
    /// Whose payment it is: a donation or a member, its supporter's name, and its amount if the payment has none. A class,
    /// like <see cref="AttentionItem"/>, so the name is never printed with it.
    /// </summary>
    private sealed class Subject(string kind, string id, string name, long fallbackAmountCents)
    {
        public string Kind { get; } = kind;

        public string Id { get; } = id;

        public string Name { get; } = name;

        public long FallbackAmountCents { get; } = fallbackAmountCents;
    }
}
