using System.Threading.RateLimiting;

namespace Kok.Functions.Dues;

/// <summary>
/// Keeps this instance's dues charges under <c>Dues:MaxChargesPerSecond</c>, whatever host.json's queue batch size
/// lets run at once. One token every 1/rate seconds, so charges spread out evenly instead of bursting each second.
/// The total across instances is bounded where the charge requests are made: the dues run releases them at the same
/// rate (<see cref="Kok.Domain.Dues.DuesPolicy.ChargeRelease"/>). This limiter covers what arrives all at once anyway,
/// such as requests staff move back from the poison queue; 429s are retried after Stripe's Retry-After.
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
