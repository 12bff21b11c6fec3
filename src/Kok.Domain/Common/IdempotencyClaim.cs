namespace Kok.Domain.Common;

/// <summary>
/// Result of <see cref="IdempotencyGuard.ClaimAsync"/>. <see cref="ResourceId"/> is the id to create under: the
/// proposed one for a new request, the earlier one for a repeated request (which may still have to be created if the
/// first attempt died half-way), empty for a conflict.
/// </summary>
public sealed record IdempotencyClaim(IdempotencyDecision? Decision, string ResourceId)
{
    /// <summary>No key, a fresh key or an expired one: create under the proposed id.</summary>
    public bool IsNew => Decision is null or IdempotencyDecision.Expired;

    public bool IsRepeat => Decision == IdempotencyDecision.SameRequest;

    public bool IsConflict => Decision == IdempotencyDecision.Conflict;
}
