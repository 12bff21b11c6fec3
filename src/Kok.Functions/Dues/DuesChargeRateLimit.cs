using System.Threading.RateLimiting;

namespace Kok.Functions.Dues;

/// <summary>
/// Keeps this instance's dues charges under <c>Dues:MaxChargesPerSecond</c>, whatever host.json's queue batch size
/// lets run at once. One token every 1/rate seconds, so charges spread out evenly instead of bursting each second.
/// Per instance: the Bicep caps the app at one instance's worth of charges (see README), and a 429 that still comes
/// through is retried after Stripe's Retry-After.
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
