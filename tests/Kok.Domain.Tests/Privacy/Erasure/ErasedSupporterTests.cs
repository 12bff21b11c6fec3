using Kok.Domain.Membership;
using Kok.Domain.Privacy.Erasure;
using Kok.Domain.Tests.Membership;

namespace Kok.Domain.Tests.Privacy.Erasure;

public sealed class ErasedSupporterTests
{
    private static ErasureSubject Subject(MembershipEndChoice end, DateTimeOffset at) => new("k", [], [], end, "staff:s1", at);

    [Fact]
    public void An_erased_member_keeps_money_and_dates_but_no_name_address_email_or_account_ending()
    {
        var member = MemberFixtures.ActiveMember(Kok.Domain.Payments.PaymentMethodKind.SepaDebit);
        member.RecordPaymentMethod(MemberFixtures.Sepa);

        var erased = MembershipErasure.Apply(member, Subject(MembershipEndChoice.PeriodEnd, MemberFixtures.T0.AddDays(30)));

        Assert.Equal(ErasedSupporter.Name, erased.Name);
        Assert.Null(erased.ContactPerson);
        Assert.True(ErasedSupporter.IsErased(erased.Email));
        Assert.Equal(string.Empty, erased.Address.Street);
        Assert.Null(erased.SavedPaymentMethod?.Last4);
        Assert.Equal(member.AnnualAmountCents, erased.AnnualAmountCents);
        Assert.Equal(member.ToSnapshot().Payments.Count, erased.ToSnapshot().Payments.Count);
        Assert.Equal(MembershipStatus.Cancelling, erased.Status);
    }

    [Fact]
    public void Staff_may_end_a_paid_membership_at_once()
    {
        var member = MemberFixtures.ActiveMember();
        var at = MemberFixtures.T0.AddDays(30);

        var erased = MembershipErasure.Apply(member, Subject(MembershipEndChoice.Now, at));

        Assert.Equal(MembershipStatus.Ended, erased.Status);
        Assert.Equal(Kok.Domain.Common.AssociationCalendar.Date(at), erased.EndsOn);
    }

    [Fact]
    public void Each_record_gets_its_own_undeliverable_address()
    {
        Assert.NotEqual(ErasedSupporter.EmailFor("don_a"), ErasedSupporter.EmailFor("don_b"));
        Assert.EndsWith(".invalid", ErasedSupporter.EmailFor("don_a"), StringComparison.Ordinal);
        Assert.False(ErasedSupporter.IsErased("someone@example.org"));
    }
}
