namespace Kok.Functions.Storage;

/// <summary>
/// How long one storage operation (a request and its retries) may take. Someone waiting for an HTTP answer gets
/// <see cref="Interactive"/>: quick retries within <see cref="PerOperation"/>, so with storage down a request
/// answers 503 well within the health check's 3 s instead of waiting out the SDK's backoff (about 6 s for tables,
/// 25 s for queues). Queue and timer functions keep the SDK's patient defaults: giving up early would only spend
/// one of their message's dequeue attempts. The HTTP middleware enters the budget for the invocation; it flows with
/// the async context to every storage call the invocation makes, through <see cref="BudgetedRetryPolicy"/>.
/// </summary>
/// <param name="MaxRetries">Retries after the first attempt, while time is left.</param>
/// <param name="RetryDelay">Wait before the first retry; doubled before each further one.</param>
/// <param name="PerOperation">All attempts of one operation together, network waits included.</param>
public sealed record StorageBudget(int MaxRetries, TimeSpan RetryDelay, TimeSpan PerOperation)
{
    private static readonly AsyncLocal<StorageBudget?> Ambient = new();

    /// <summary>For HTTP requests: 3 attempts (a dropped connection is retried) within 2.5 s.</summary>
    public static StorageBudget Interactive { get; } = new(2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(2500));

    /// <summary>The budget of the current invocation; null outside HTTP requests (the SDK's defaults apply).</summary>
    public static StorageBudget? Current => Ambient.Value;

    /// <summary>Applies <paramref name="budget"/> to the storage calls made until the scope is disposed.</summary>
    public static IDisposable Enter(StorageBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var previous = Ambient.Value;
        Ambient.Value = budget;
        return new Scope(previous);
    }

    private sealed class Scope(StorageBudget? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
