namespace Kok.Domain.Dues;

/// <summary>The result of <see cref="ChargeDues"/>; <see cref="RetryAfter"/> only with <see cref="DuesChargeOutcome.RateLimited"/>.</summary>
public sealed record DuesChargeHandled(DuesChargeOutcome Outcome, TimeSpan? RetryAfter = null);
