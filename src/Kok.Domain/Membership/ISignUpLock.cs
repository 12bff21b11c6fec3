namespace Kok.Domain.Membership;

/// <summary>
/// Serialises sign-ups of the same applicant (<see cref="SignUpKey"/>): the duplicate check and the insert of one
/// sign-up must not interleave with another's, or two browser tabs with different idempotency keys would both
/// create a membership (and both be charged every year). A lease rather than a plain lock, so a sign-up that dies
/// while holding it blocks the next one only until the lease runs out.
/// </summary>
public interface ISignUpLock
{
    /// <summary>
    /// Takes the lease for <paramref name="signUpKey"/> until <paramref name="expiresAt"/> and returns its version,
    /// or null while another sign-up holds an unexpired lease. A lease already held for <paramref name="memberId"/>
    /// (a repeat of the same request under its idempotency key) is taken over. Atomic: of two concurrent callers
    /// for different members, at most one gets the lease.
    /// </summary>
    Task<string?> TryAcquireAsync(string signUpKey, string memberId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Gives the lease back if it is still the one <paramref name="version"/> names; otherwise does nothing.</summary>
    Task ReleaseAsync(string signUpKey, string version, CancellationToken cancellationToken);
}
