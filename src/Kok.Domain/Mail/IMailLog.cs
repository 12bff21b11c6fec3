namespace Kok.Domain.Mail;

/// <summary>
/// Stores one <see cref="MailLogEntry"/> per <see cref="MailLogKey"/>. The once-only protocol on top of it lives in
/// <see cref="MailDispatcher"/>; adapters only persist. Cost target (Table Storage): every call is one request.
/// </summary>
public interface IMailLog
{
    Task<MailLogEntry?> GetAsync(MailLogKey key, CancellationToken cancellationToken);

    /// <summary>Inserts a new entry; false (nothing written) when the key already has one.</summary>
    Task<bool> TryAddAsync(MailLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry if its stored version is still <see cref="MailLogEntry.Version"/>; false otherwise.</summary>
    Task<bool> TryReplaceAsync(MailLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry whatever its stored version (the outcome of a send must be recorded).</summary>
    Task SaveAsync(MailLogEntry entry, CancellationToken cancellationToken);
}
