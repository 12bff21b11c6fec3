namespace Kok.Domain.Common;

/// <summary>How a request relates to the earlier one that used the same idempotency key.</summary>
public enum IdempotencyDecision
{
    /// <summary>Same body within the window: answer as the first time, create nothing new.</summary>
    SameRequest,

    /// <summary>Different body within the window: refuse (HTTP 422).</summary>
    Conflict,

    /// <summary>The earlier use is older than the window: treat the request as new.</summary>
    Expired,
}
