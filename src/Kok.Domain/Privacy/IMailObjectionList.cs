namespace Kok.Domain.Privacy;

/// <summary>The addresses that objected to mail, by <see cref="MailObjectionKey"/> only.</summary>
public interface IMailObjectionList
{
    Task<bool> ContainsAsync(MailObjectionKey key, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="key"/>; false (and nothing changed) when it is on the list already.</summary>
    Task<bool> AddAsync(MailObjectionKey key, MailObjectionSource source, DateTimeOffset at, CancellationToken cancellationToken);
}
