namespace Kok.Domain.Dues;

/// <summary>
/// The result of <see cref="ChargeDues"/>; <see cref="RetryAfter"/> only with <see cref="DuesChargeOutcome.RateLimited"/>,
/// <see cref="MemberNotFound"/> only with <see cref="DuesChargeOutcome.NotChargeable"/>: the message names a member
/// that does not exist, which no later delivery can change (the queue function moves it to the poison queue).
/// </summary>
public sealed record DuesChargeHandled(DuesChargeOutcome Outcome, TimeSpan? RetryAfter = null)
{
    public bool MemberNotFound { get; init; }
}
