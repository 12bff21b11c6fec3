namespace Kok.Domain.Dues;

/// <summary>What handling one <c>dues-charge</c> message came to.</summary>
public enum DuesChargeOutcome
{
    /// <summary>Paid at once (card).</summary>
    Paid,

    /// <summary>Accepted, settles later by webhook (SEPA).</summary>
    Processing,

    /// <summary>Declined or needs authentication: the member is overdue and gets a pay link.</summary>
    Failed,

    /// <summary>Charged (or settled) before: nothing done. Redelivered messages end here.</summary>
    AlreadyHandled,

    /// <summary>The member or the period is not one to charge (unknown, cancelled, another period is current).</summary>
    NotChargeable,

    /// <summary>The provider asked us to slow down; the message must come again after <see cref="DuesChargeHandled.RetryAfter"/>.</summary>
    RateLimited,
}
