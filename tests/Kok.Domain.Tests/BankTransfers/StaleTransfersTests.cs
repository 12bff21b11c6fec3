using Kok.Domain.BankTransfers;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Tests.BankTransfers;

public sealed class StaleTransfersTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PaymentMethodKind.BankTransfer, DonationStatus.Pending, 60, true)]
    [InlineData(PaymentMethodKind.BankTransfer, DonationStatus.Pending, 59, false)]
    [InlineData(PaymentMethodKind.BankTransfer, DonationStatus.Paid, 90, false)]
    [InlineData(PaymentMethodKind.Card, DonationStatus.Pending, 90, false)]
    public void A_transfer_donation_is_stale_after_60_days_without_its_money(PaymentMethodKind method, DonationStatus status, int days, bool stale) =>
        Assert.Equal(stale, StaleTransfers.IsStale(method, status, Created, Created.AddDays(days)));
}
