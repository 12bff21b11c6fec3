using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Kok.Functions.Http;

/// <summary>
/// A sliding-window limit per client address: at most <c>PermitLimit</c> attempts in any <c>Window</c>. It keeps the
/// few most recent attempt times per client, so the limit is exact (no double burst at a fixed window's edge) and
/// <c>Retry-After</c> says precisely when the oldest attempt leaves the window. State is per instance: a scaled-out
/// app multiplies the budget by its instance count, which is acceptable for bot damping.
/// </summary>
public sealed class ClientRateLimiter(RateLimitOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);
    private long _calls;

    /// <summary>Records an attempt; returns null when allowed, else how long the client must wait.</summary>
    public TimeSpan? TryAcquire(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TryAcquire(ClientAddress(request));
    }

    public TimeSpan? TryAcquire(string client)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 1024 == 0)
        {
            Prune(now);
        }

        var attempts = _attempts.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (attempts)
        {
            while (attempts.Count > 0 && now - attempts.Peek() >= options.Window)
            {
                attempts.Dequeue();
            }

            if (attempts.Count >= options.PermitLimit)
            {
                var wait = attempts.Peek() + options.Window - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
            }

            attempts.Enqueue(now);
            return null;
        }
    }

    /// <summary>
    /// The client's key (<see cref="Http.ClientAddress"/>): from the last entry of the configured forwarding header, the
    /// one our front end appended (earlier entries are whatever the client claimed), else from the connection. A last
    /// entry that is no address did not come from the front end as expected; counting it under its own text would give
    /// every invented string a fresh budget, so it counts under the connection's address instead (in Azure the front
    /// end's, shared: such requests only limit each other).
    /// </summary>
    internal string ClientAddress(HttpRequest request)
    {
        if (options.ClientAddressHeader is { } header
            && request.Headers.TryGetValue(header, out var values)
            && Http.ClientAddress.Parse(values.ToString().Split(',')[^1]) is { } forwarded)
        {
            return forwarded;
        }

        return request.HttpContext.Connection.RemoteIpAddress is { } remote ? Http.ClientAddress.Key(remote) : "unknown";
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, attempts) in _attempts)
        {
            lock (attempts)
            {
                if (attempts.Count == 0 || now - attempts.Last() >= options.Window)
                {
                    _attempts.TryRemove(key, out _);
                }
            }
        }
    }
}
