using System.Globalization;
using Kok.Domain.Mail;

namespace Kok.Domain.Tests.Mail;

/// <summary>Behaves like the storage adapter must: insert-if-absent, versioned conditional replace, blind save.</summary>
internal sealed class InMemoryMailLog : IMailLog
{
    private readonly Dictionary<MailLogKey, (MailLogEntry Entry, int Version)> rows = [];

    public IReadOnlyCollection<MailLogEntry> Entries => rows.Values.Select(r => r.Entry).ToList();

    public MailLogEntry? this[MailLogKey key] => rows.TryGetValue(key, out var row) ? Versioned(row) : null;

    public Task<MailLogEntry?> GetAsync(MailLogKey key, CancellationToken cancellationToken) => Task.FromResult(this[key]);

    public Task<bool> TryAddAsync(MailLogEntry entry, CancellationToken cancellationToken)
    {
        if (rows.ContainsKey(entry.Key))
        {
            return Task.FromResult(false);
        }

        rows[entry.Key] = (entry, 1);
        return Task.FromResult(true);
    }

    public Task<bool> TryReplaceAsync(MailLogEntry entry, CancellationToken cancellationToken)
    {
        if (!rows.TryGetValue(entry.Key, out var row) || Version(row.Version) != entry.Version)
        {
            return Task.FromResult(false);
        }

        rows[entry.Key] = (entry, row.Version + 1);
        return Task.FromResult(true);
    }

    public Task SaveAsync(MailLogEntry entry, CancellationToken cancellationToken)
    {
        var version = rows.TryGetValue(entry.Key, out var row) ? row.Version + 1 : 1;
        rows[entry.Key] = (entry, version);
        return Task.CompletedTask;
    }

    private static MailLogEntry Versioned((MailLogEntry Entry, int Version) row) => row.Entry with { Version = Version(row.Version) };

    private static string Version(int version) => version.ToString(CultureInfo.InvariantCulture);
}
