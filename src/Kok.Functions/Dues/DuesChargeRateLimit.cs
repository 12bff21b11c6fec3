using System.Threading.RateLimiting;

namespace Kok.Functions.Dues;

/// <summary>
/// Keeps this instance's dues charges under <c>Dues:MaxChargesPerSecond</c>, whatever host.json's queue batch size
/// lets run at once. One token every 1/rate seconds, so charges spread out evenly instead of bursting each second.
/// The bound is per instance: should Flex Consumption scale the queue out to several instances, their sum may pass
/// Stripe's limit, and the 429s that then come back are retried after Stripe's Retry-After (see README).
/// </summary>
public sealed class DuesChargeRateLimit : IDisposable
{
    private readonly TokenBucketRateLimiter limiter;

    public DuesChargeRateLimit(int chargesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chargesPerSecond, 1);
        ChargesPerSecond = chargesPerSecond;
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / chargesPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public int ChargesPerSecond { get; }

    /// <summary>Waits for a charge slot.</summary>
    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken) =>
        await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);

    public void Dispose() => limiter.Dispose();
}
