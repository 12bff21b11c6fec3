namespace Kok.Domain.Payments;

/// <summary>
/// Keys of our ids in the provider's metadata. The gateway attaches them to the checkout session, its payment
/// intent and its subscription, and sets the session's client reference id to the donation or member id, so events
/// can be routed without a lookup.
/// </summary>
public static class PaymentMetadataKeys
{
    public const string DonationId = "donationId";

    public const string MemberId = "memberId";

    /// <summary>The first day of the dues period a payment is for, as <c>yyyy-MM-dd</c> (see <see cref="Period"/>).</summary>
    public const string DuesPeriod = "duesPeriod";

    public static string Period(DateOnly periodStart) =>
        periodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dues period named in <paramref name="paymentEvent"/>'s metadata, or null.</summary>
    public static DateOnly? PeriodOf(PaymentEvent paymentEvent)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        return DateOnly.TryParseExact(
            paymentEvent.MetadataValue(DuesPeriod),
            "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None,
            out var start)
            ? start
            : null;
    }
}
