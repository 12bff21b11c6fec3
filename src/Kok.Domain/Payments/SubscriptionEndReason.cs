namespace Kok.Domain.Payments;

/// <summary>Why a subscription ended, in words that do not depend on the provider.</summary>
public enum SubscriptionEndReason
{
    /// <summary>Not said, or a reason not known to this version.</summary>
    Unknown,

    /// <summary>Cancelled on request (the supporter, or staff in the provider's dashboard).</summary>
    Requested,

    /// <summary>Ended by the provider after its retries of a failed payment.</summary>
    PaymentFailed,

    /// <summary>Ended by the provider because a payment was disputed.</summary>
    PaymentDisputed,
}
