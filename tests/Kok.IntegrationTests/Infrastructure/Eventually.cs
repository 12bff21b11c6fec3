namespace Kok.IntegrationTests.Infrastructure;

/// <summary>Polling for a condition with an upper bound: how tests wait for background work, instead of sleeping.</summary>
public static class Eventually
{
    /// <summary>
    /// Only an upper bound against hanging: a condition met sooner ends the wait at once. Generous, because on a busy
    /// two-core machine (the whole suite beside, one shared emulator) queue work has been seen to take over 30 s.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var deadline = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!await condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s, but never: {what}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), what, timeout);
}
