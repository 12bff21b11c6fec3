namespace Kok.Domain.Common;

/// <summary>
/// What an <c>Idempotency-Key</c> was first used for: within <paramref name="Scope"/> (one per endpoint, e.g.
/// "donations"), the key, the fingerprint of the request it came with and the id of the resource that request
/// creates. The response is rebuilt from that resource, so the record stays small and is written only once.
/// </summary>
public sealed record IdempotencyRecord(
    string Scope,
    string Key,
    string RequestHash,
    string ResourceId,
    DateTimeOffset CreatedAt);
