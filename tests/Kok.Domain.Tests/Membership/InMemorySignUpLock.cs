using Kok.Domain.Membership;

namespace Kok.Domain.Tests.Membership;

/// <summary>The sign-up lease semantics of <see cref="ISignUpLock"/> in memory, atomic under a lock.</summary>
internal sealed class InMemorySignUpLock : ISignUpLock
{
    private readonly Dictionary<string, (string MemberId, DateTimeOffset ExpiresAt, string Version)> leases = new(StringComparer.Ordinal);
    private int versions;

    public int Held
    {
        get
        {
            lock (leases)
            {
                return leases.Count;
            }
        }
    }

    public Task<string?> TryAcquireAsync(string signUpKey, string memberId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        lock (leases)
        {
            if (leases.TryGetValue(signUpKey, out var held) && held.MemberId != memberId && held.ExpiresAt > now)
            {
                return Task.FromResult<string?>(null);
            }

            var version = "v" + ++versions;
            leases[signUpKey] = (memberId, expiresAt, version);
            return Task.FromResult<string?>(version);
        }
    }

    public Task ReleaseAsync(string signUpKey, string version, CancellationToken cancellationToken)
    {
        lock (leases)
        {
            if (leases.TryGetValue(signUpKey, out var held) && held.Version == version)
            {
                leases.Remove(signUpKey);
            }
        }

        return Task.CompletedTask;
    }
}
