namespace Kok.Domain.Common;

/// <summary>The idempotency rule of all public create endpoints: a key binds to one request body for 24 hours.</summary>
public static class IdempotencyRule
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public static IdempotencyDecision Decide(IdempotencyRecord earlier, string requestHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (now - earlier.CreatedAt >= Window)
        {
            return IdempotencyDecision.Expired;
        }

        return string.Equals(earlier.RequestHash, requestHash, StringComparison.Ordinal)
            ? IdempotencyDecision.SameRequest
            : IdempotencyDecision.Conflict;
    }
}
