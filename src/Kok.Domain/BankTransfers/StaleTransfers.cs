using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// A donation by bank transfer never expires by itself: once its money has not come for
/// <see cref="StaleAfterDays"/> days, staff see it marked as stale in the donation list and decide (ask the donor,
/// look for the entry on the statement, or leave it).
/// </summary>
public static class StaleTransfers
{
    public const int StaleAfterDays = 60;

    public static bool IsStale(PaymentMethodKind? method, DonationStatus status, DateTimeOffset createdAt, DateTimeOffset now) =>
        method == PaymentMethodKind.BankTransfer && status == DonationStatus.Pending && now - createdAt >= TimeSpan.FromDays(StaleAfterDays);
}
