using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Privacy.Erasure;
using Kok.Domain.Tests.Donations;

namespace Kok.Domain.Tests.Privacy.Erasure;

public sealed class AbandonedRecordsTests
{
    private static readonly RetentionPeriods Periods = RetentionPeriods.Default;

    [Fact]
    public void An_unpaid_donation_is_abandoned_after_30_days_not_before()
    {
        var donation = DonationFixtures.NewDonation();

        Assert.False(AbandonedRecords.IsAbandoned(donation, DonationFixtures.T0.AddDays(30).AddMinutes(-1), Periods));
        Assert.True(AbandonedRecords.IsAbandoned(donation, DonationFixtures.T0.AddDays(30).AddMinutes(1), Periods));
    }

    [Fact]
    public void A_paid_donation_is_never_abandoned()
    {
        var donation = DonationFixtures.NewDonation();
        donation.Apply(DonationFixtures.Completed("evt_1", paid: true));

        Assert.False(AbandonedRecords.IsAbandoned(donation, DonationFixtures.T0.AddYears(20), Periods));
    }

    [Fact]
    public void An_erased_donation_is_not_scrubbed_again()
    {
        var donation = ErasedSupporter.Pseudonymise(DonationFixtures.NewDonation());

        Assert.False(AbandonedRecords.IsAbandoned(donation, DonationFixtures.T0.AddDays(31), Periods));
    }

    [Fact]
    public void A_transfer_donation_waiting_for_its_money_is_kept_until_staff_see_it_as_stale()
    {
        var donation = Donation.Create(DonationFixtures.DonationId, DonationFixtures.Request(method: PaymentMethodKind.BankTransfer), DonationFixtures.T0);

        Assert.False(AbandonedRecords.IsAbandoned(donation, DonationFixtures.T0.AddDays(45), Periods));
        Assert.True(AbandonedRecords.IsAbandoned(donation, DonationFixtures.T0.AddDays(61), Periods));
    }
}
