namespace Kok.Domain.Payments;

/// <summary>A subscription's state, in words that do not depend on the provider.</summary>
public enum SubscriptionState
{
    /// <summary>Not known to this version (a state the provider added later).</summary>
    Unknown,

    /// <summary>Payments are collected.</summary>
    Active,

    /// <summary>The latest payment failed and is being retried.</summary>
    PastDue,

    /// <summary>Retries are over, the subscription stays without collecting (as the provider's settings say).</summary>
    Unpaid,

    /// <summary>Ended; no further payments.</summary>
    Canceled,

    /// <summary>The first payment has not succeeded yet.</summary>
    Incomplete,

    /// <summary>The first payment never succeeded; ended.</summary>
    IncompleteExpired,

    /// <summary>In a free trial (not used by the association).</summary>
    Trialing,

    /// <summary>Paused after a trial without a payment method (not used by the association).</summary>
    Paused,
}
