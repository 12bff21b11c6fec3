using System.Globalization;
using Kok.Domain.Common;

namespace Kok.Domain.Tests.Common;

/// <summary>Behaves like the storage adapter must: insert-if-absent claims, versioned replace.</summary>
internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Dictionary<(string Scope, string Key), (IdempotencyRecord Record, int Version)> records = [];

    public int Count => records.Count;

    public Task<StoredIdempotencyRecord?> ClaimAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        if (records.TryGetValue((record.Scope, record.Key), out var existing))
        {
            return Task.FromResult<StoredIdempotencyRecord?>(
                new StoredIdempotencyRecord(existing.Record, existing.Version.ToString(CultureInfo.InvariantCulture)));
        }

        records[(record.Scope, record.Key)] = (record, 1);
        return Task.FromResult<StoredIdempotencyRecord?>(null);
    }

    public Task<bool> TryReplaceAsync(IdempotencyRecord record, string expectedVersion, CancellationToken cancellationToken)
    {
        if (!records.TryGetValue((record.Scope, record.Key), out var existing)
            || existing.Version.ToString(CultureInfo.InvariantCulture) != expectedVersion)
        {
            return Task.FromResult(false);
        }

        records[(record.Scope, record.Key)] = (record, existing.Version + 1);
        return Task.FromResult(true);
    }
}
