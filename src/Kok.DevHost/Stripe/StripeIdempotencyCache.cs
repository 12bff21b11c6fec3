namespace Kok.DevHost.Stripe;

/// <summary>
/// Stripe's idempotency: a repeated key with the same parameters replays the first answer; with different
/// parameters it is an error. Like Stripe, only requests that got as far as executing are remembered, not
/// validation failures: successes, and a 402 decline, whose replay is the same decline.
/// </summary>
internal sealed class StripeIdempotencyCache
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (string Fingerprint, int Status, string Body)> entries = new(StringComparer.Ordinal);

    /// <returns>The answer and whether it was replayed.</returns>
    public (int Status, string Body, bool Replayed) Execute(
        string scope, string? key, string fingerprint, Func<(int Status, string Body)> action)
    {
        if (string.IsNullOrEmpty(key))
        {
            var (status, body) = action();
            return (status, body, false);
        }

        lock (gate)
        {
            var scoped = scope + "\n" + key;
            if (entries.TryGetValue(scoped, out var earlier))
            {
                if (earlier.Fingerprint != fingerprint)
                {
                    throw new StandInException(
                        400,
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.",
                        code: "idempotency_key_in_use");
                }

                return (earlier.Status, earlier.Body, true);
            }

            var (status, body) = action();
            if (status < 400 || status == 402)
            {
                entries[scoped] = (fingerprint, status, body);
            }

            return (status, body, false);
        }
    }
}
