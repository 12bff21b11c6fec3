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
}
