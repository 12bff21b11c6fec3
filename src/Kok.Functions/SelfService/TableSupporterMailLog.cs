using Kok.Domain.Mail;
using Kok.Domain.SelfService;
using Kok.Functions.Mail;
using Kok.Functions.Storage;

namespace Kok.Functions.SelfService;

/// <summary>A supporter's mails: one range query per subject (<see cref="MailLogBySubject"/>), one point read per key.</summary>
public sealed class TableSupporterMailLog(StorageClients storage, IMailLog log) : ISupporterMailLog
{
    public async Task<IReadOnlyList<MailLogEntry>> ListAsync(
        IReadOnlyCollection<string> subjects, IReadOnlyCollection<MailLogKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(keys);
        var table = await storage.TableAsync(TableNames.MailLog);
        var entries = new List<MailLogEntry>();
        foreach (var subject in subjects.Distinct(StringComparer.Ordinal))
        {
            await MailLogBySubject.AddAsync(table, subject, entries, cancellationToken);
        }

        foreach (var key in keys)
        {
            if (await log.GetAsync(key, cancellationToken) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return [.. entries.DistinctBy(e => e.Key)];
    }
}
