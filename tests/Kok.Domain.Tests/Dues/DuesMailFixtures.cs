using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dues;

/// <summary>
/// A member who joined on 1 March 2026 (see <see cref="Membership.MemberFixtures.ActiveMember"/>) taken through the
/// second year's dues: pre-notified on 15 February 2027, charged on 1 March 2027 (period 1 March 2027 – 29 February
/// 2028), failed, reminded, lapsed on 30 May 2027 (90 days' grace).
/// </summary>
internal static class DuesMailFixtures
{
    public const string CreditorId = "DE98ZZZ09999999999";
    public static readonly DateOnly PreNotifiedOn = new(2027, 2, 15);
    public static readonly DateOnly DueDate = new(2027, 3, 1);
    public static readonly DateOnly FirstPeriod = new(2026, 3, 1);
    public static readonly DateTimeOffset ChargedAt = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LapsedAt = new(2027, 5, 30, 10, 0, 0, TimeSpan.Zero);
    public static readonly DuesPeriod Period = new(DueDate, new DateOnly(2028, 2, 29));

    public static readonly Uri PayLink = new("https://api.kok.example/api/memberships/mem_x/dues/pay?token=pay&x=1");
    public static readonly Uri CancelLink = new("https://api.kok.example/api/memberships/mem_x/cancel?token=cancel");

    public static OrganisationProfile Organisation { get; } = OrganisationProfile.KokDefaults with { ContactEmail = "info@kok.example" };

    public static DuesMailComposer Composer() => new(Organisation, DuesPolicy.Default, new SepaCreditor(CreditorId));

    public static Member PreNotified(PaymentMethodKind method = PaymentMethodKind.SepaDebit, string locale = "de")
    {
        var member = ActiveMember(method, locale);
        Assert.True(member.RecordPreNotification(PreNotifiedOn));
        return member;
    }

    public static Member Overdue(PaymentMethodKind method = PaymentMethodKind.SepaDebit, string locale = "de", string failureCode = "card_declined")
    {
        var member = PreNotified(method, locale);
        Assert.NotNull(member.RequestDuesCharge(DueDate));
        member.RecordDuesCharge(DueDate, new DuesChargeResult(DuesChargeStatus.Failed, "pi_d1", failureCode), ChargedAt);
        Assert.Equal(MembershipStatus.Overdue, member.Status);
        return member;
    }

    public static Member Reminded(int reminders, PaymentMethodKind method = PaymentMethodKind.SepaDebit, string locale = "de")
    {
        var member = Overdue(method, locale);
        for (var n = 1; n <= reminders; n++)
        {
            Assert.True(member.RecordReminder(n));
        }

        return member;
    }

    public static Member Lapsed(PaymentMethodKind method = PaymentMethodKind.SepaDebit, string locale = "de")
    {
        var member = Reminded(2, method, locale);
        Assert.True(member.Lapse(LapsedAt));
        return member;
    }

    /// <summary>The member paid <paramref name="periodStart"/>'s dues by the pay link's checkout (card: paid at once).</summary>
    public static Member PaidByLink(Member member, DateOnly periodStart, DateTimeOffset at)
    {
        member.Apply(new CheckoutCompleted(
            "evt_dues_" + at.ToUnixTimeSeconds(), at,
            new Dictionary<string, string> { ["memberId"] = member.Id, ["duesPeriod"] = PaymentMetadataKeys.Period(periodStart) },
            "cs_dues", member.Id, Paid: true, SubscriptionMode: false, "pi_link", SubscriptionId: null, CustomerId, member.AnnualAmountCents));
        return member;
    }
}
