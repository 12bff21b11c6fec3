using Kok.DevHost.Functions;

namespace Kok.DevHost.Tests;

public class PollingBackoffTests
{
    private sealed class MiddleRandom : Random
    {
        public override double NextDouble() => 0.5;
    }

    [Fact]
    public void Empty_polls_back_off_exponentially_up_to_the_maximum_and_reset_when_messages_come()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new MiddleRandom());

        var waits = Enumerable.Range(0, 7).Select(_ => backoff.Next(false).TotalMilliseconds).ToArray();

        Assert.Equal([100, 200, 300, 500, 900, 1000, 1000], waits);
        Assert.Equal(100, backoff.Next(true).TotalMilliseconds);
        Assert.Equal(200, backoff.Next(false).TotalMilliseconds);
    }

    [Fact]
    public void A_maximum_equal_to_the_minimum_polls_at_a_constant_rate()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), Random.Shared);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(100, backoff.Next(false).TotalMilliseconds));
    }
}
