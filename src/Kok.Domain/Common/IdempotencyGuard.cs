namespace Kok.Domain.Common;

/// <summary>
/// Applies <see cref="IdempotencyRule"/> against an <see cref="IIdempotencyStore"/> for a create request. The key is
/// claimed before anything is created, together with the id the new resource will get. A repeat therefore always
/// knows which resource it refers to, even while the first request is still running or after it crashed: the
/// caller then (re)creates that same resource with idempotent steps instead of a second one.
/// Cost: one storage write for a new key, one read for a repeat.
/// </summary>
public sealed class IdempotencyGuard(IIdempotencyStore store, TimeProvider timeProvider)
{
    // Each extra attempt needs another client to have replaced the same expired record in between; three is plenty.
    private const int MaxAttempts = 3;

    public async Task<IdempotencyClaim> ClaimAsync(
        string scope,
        string key,
        string requestHash,
        string proposedResourceId,
        CancellationToken cancellationToken)
    {
        var record = new IdempotencyRecord(scope, key, requestHash, proposedResourceId, timeProvider.GetUtcNow());
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await store.ClaimAsync(record, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                return new IdempotencyClaim(null, proposedResourceId);
            }

            var decision = IdempotencyRule.Decide(existing.Record, requestHash, record.CreatedAt);
            switch (decision)
            {
                case IdempotencyDecision.SameRequest:
                    return new IdempotencyClaim(decision, existing.Record.ResourceId);
                case IdempotencyDecision.Conflict:
                    return new IdempotencyClaim(decision, string.Empty);
                default:
                    if (await store.TryReplaceAsync(record, existing.Version, cancellationToken).ConfigureAwait(false))
                    {
                        return new IdempotencyClaim(decision, proposedResourceId);
                    }

                    break;
            }
        }

        throw new InvalidOperationException("The idempotency key is being reused concurrently; retry the request.");
    }
}
