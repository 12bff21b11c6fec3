using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Moq;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

public class GetDonationTests
{
    [Fact]
    public async Task Shows_status_amount_interval_and_payments()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_c", paid: true));
        donation.Apply(Invoice("evt_i0", 0));
        donation.Apply(Invoice("evt_i1", 1));
        donation.Apply(Refunded("evt_r", "pi_inv_1", 1000, day: 40));
        var repository = new Mock<IDonationRepository>();
        repository.Setup(r => r.GetAsync(DonationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VersionedDonation(donation, "v1"));

        var view = await new GetDonation(repository.Object).ExecuteAsync(DonationId, CancellationToken.None);

        Assert.NotNull(view);
        Assert.Equal(DonationId, view.DonationId);
        Assert.Equal(DonationStatus.Paid, view.Status);
        Assert.Equal(1000, view.AmountCents);
        Assert.Equal(DonationInterval.Monthly, view.Interval);
        Assert.Equal(PaymentMethodKind.Card, view.PaymentMethod);
        Assert.Equal(
            [(1000L, PaymentStatus.Paid, (DateTimeOffset?)T0), (1000L, PaymentStatus.Refunded, T0.AddMonths(1))],
            view.Payments.Select(p => (p.AmountCents, p.Status, p.PaidAt)));
        Assert.Equal(T0.AddDays(40), view.Payments[1].RefundedAt);
    }

    [Fact]
    public async Task Unknown_donation_is_null()
    {
        var repository = new Mock<IDonationRepository>();
        repository.Setup(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((VersionedDonation?)null);

        Assert.Null(await new GetDonation(repository.Object).ExecuteAsync(DonationId, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("don_short")]
    [InlineData("pay_abcdefghijklmnopqrst")]
    public async Task Malformed_id_is_null_without_a_storage_call(string id)
    {
        var repository = new Mock<IDonationRepository>(MockBehavior.Strict);

        Assert.Null(await new GetDonation(repository.Object).ExecuteAsync(id, CancellationToken.None));
    }
}
