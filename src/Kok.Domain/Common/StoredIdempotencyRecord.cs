namespace Kok.Domain.Common;

/// <summary>An idempotency record as stored, with its opaque concurrency version (ETag).</summary>
public sealed record StoredIdempotencyRecord(IdempotencyRecord Record, string Version);
