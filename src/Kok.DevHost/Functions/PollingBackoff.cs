namespace Kok.DevHost.Functions;

/// <summary>
/// The queue listener's wait between polls of an empty queue, as in the WebJobs SDK's randomized exponential
/// back-off: the minimum right after messages were found, then growing by about 2^n times the minimum (±20%)
/// per empty poll, capped at host.json's <c>maxPollingInterval</c>.
/// </summary>
internal sealed class PollingBackoff(TimeSpan minimum, TimeSpan maximum, Random random)
{
    private const double RandomizationFactor = 0.2;

    private TimeSpan _current = TimeSpan.Zero;
    private int _exponent;

    public TimeSpan Next(bool foundMessagesSinceLastDelay)
    {
        if (foundMessagesSinceLastDelay)
        {
            _current = minimum;
            _exponent = 1;
            return _current;
        }

        if (_current != maximum)
        {
            var interval = minimum;
            if (_exponent > 0)
            {
                var factor = 1.0 - RandomizationFactor + (random.NextDouble() * 2 * RandomizationFactor);
                interval += TimeSpan.FromMilliseconds(factor * Math.Pow(2.0, _exponent - 1) * minimum.TotalMilliseconds);
            }

            if (interval < maximum)
            {
                _current = interval;
                _exponent++;
            }
            else
            {
                _current = maximum;
            }
        }

        return _current;
    }
}
