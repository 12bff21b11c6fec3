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

    internal string ClientAddress(HttpRequest request)
    {
        if (options.ClientAddressHeader is { } header
            && request.Headers.TryGetValue(header, out var values)
            && values.ToString().Split(',')[^1].Trim() is { Length: > 0 } forwarded)
        {
            // The last entry is the one our front end appended; earlier ones are whatever the client claimed.
            // Azure's front ends may append the port ("203.0.113.7:51234"); the address alone is the client.
            var colon = forwarded.LastIndexOf(':');
            return colon > 0 && forwarded.IndexOf(':', StringComparison.Ordinal) == colon ? forwarded[..colon] : forwarded;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
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
