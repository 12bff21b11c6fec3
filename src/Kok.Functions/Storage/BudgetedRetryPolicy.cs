using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kok.Functions.Storage;

/// <summary>
/// The storage clients' retry policy: the SDK's own (<see cref="RetryOptions"/> of the client) unless the caller
/// runs under a <see cref="StorageBudget"/>; then an operation retries at most the budget's times, waits the
/// budget's short delays, and each attempt's network timeout is what is left of the budget, so the operation fails
/// (and the request answers 503) before the budget is spent, whether storage refuses connections or hangs.
/// </summary>
internal sealed class BudgetedRetryPolicy(RetryOptions defaults)
    : RetryPolicy(defaults.MaxRetries, new ExponentialDelay(defaults.Delay, defaults.MaxDelay))
{
    /// <summary>Azure.Core's jitter: a delay is its nominal value times 0.8 to 1.2.</summary>
    private const double Jitter = 0.2;

    protected override void OnSendingRequest(HttpMessage message)
    {
        Limit(message);
        base.OnSendingRequest(message);
    }

    protected override ValueTask OnSendingRequestAsync(HttpMessage message)
    {
        Limit(message);
        return base.OnSendingRequestAsync(message);
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        MayRetry(message) && base.ShouldRetry(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        MayRetry(message) && await base.ShouldRetryAsync(message, exception);

    /// <summary>On the first attempt the operation takes the caller's budget (if any) along; each attempt gets what is left.</summary>
    private static void Limit(HttpMessage message)
    {
        if (message.ProcessingContext.RetryNumber == 0 && StorageBudget.Current is { } budget)
        {
            message.SetProperty(typeof(Deadline), new Deadline(budget, Stopwatch.GetTimestamp()));
        }

        if (DeadlineOf(message) is { } deadline)
        {
            message.NetworkTimeout = deadline.Remaining;
        }
    }

    /// <summary>
    /// Under a budget: only while retries and time are left for the next delay and an attempt after it, and never when
    /// storage asks to be left alone for a while (<c>Retry-After</c>): someone is waiting for the answer.
    /// </summary>
    private static bool MayRetry(HttpMessage message) =>
        DeadlineOf(message) is not { } deadline
        || (message.ProcessingContext.RetryNumber < deadline.Budget.MaxRetries
            && ExponentialDelay.Nominal(deadline.Budget.RetryDelay, message.ProcessingContext.RetryNumber + 1) * (1 + Jitter) < deadline.Remaining
            && !(message.HasResponse && message.Response.Headers.Contains("Retry-After")));

    private static Deadline? DeadlineOf(HttpMessage message) =>
        message.TryGetProperty(typeof(Deadline), out var value) ? value as Deadline : null;

    private sealed record Deadline(StorageBudget Budget, long StartedAt)
    {
        /// <summary>What is left of the operation's budget; at least a millisecond, so an attempt fails rather than waits.</summary>
        public TimeSpan Remaining
        {
            get
            {
                var left = Budget.PerOperation - Stopwatch.GetElapsedTime(StartedAt);
                return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
            }
        }
    }

    /// <summary>
    /// Exponential backoff from the budget's delay when the caller runs under one (the retry happens in the caller's
    /// async flow), else from the client's own; Azure.Core adds the jitter and honours <c>Retry-After</c>.
    /// </summary>
    private sealed class ExponentialDelay(TimeSpan delay, TimeSpan maxDelay) : DelayStrategy(maxDelay, Jitter)
    {
        public static TimeSpan Nominal(TimeSpan first, int retryNumber) => first * (1L << Math.Clamp(retryNumber - 1, 0, 20));

        protected override TimeSpan GetNextDelayCore(Response? response, int retryNumber) =>
            Nominal(StorageBudget.Current?.RetryDelay ?? delay, retryNumber);
    }
}
