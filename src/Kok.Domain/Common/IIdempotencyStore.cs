namespace Kok.Domain.Common;

/// <summary>
/// Remembers idempotency keys. Keys come from clients: an adapter must not use them raw as storage keys (hash them).
/// Records older than <see cref="IdempotencyRule.Window"/> count as absent; an adapter may delete them lazily.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Stores <paramref name="record"/> if no record exists for its (Scope, Key) and returns null; otherwise leaves
    /// storage unchanged and returns the record already there (even an expired one). Must be atomic (insert-if-absent),
    /// so of two concurrent first requests exactly one claims the key.
    /// </summary>
    Task<StoredIdempotencyRecord?> ClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Overwrites the record for (Scope, Key) if its version is still <paramref name="expectedVersion"/>; false when
    /// someone else changed it meanwhile. Used to reuse a key whose record has expired.
    /// </summary>
    Task<bool> TryReplaceAsync(IdempotencyRecord record, string expectedVersion, CancellationToken cancellationToken);
}
