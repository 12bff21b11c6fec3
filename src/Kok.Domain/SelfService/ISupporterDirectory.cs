namespace Kok.Domain.SelfService;

/// <summary>Finds everything a supporter gave under one e-mail address.</summary>
public interface ISupporterDirectory
{
    /// <summary>
    /// The donations and memberships whose current e-mail address has <paramref name="supporterKey"/>
    /// (<see cref="SupporterKey"/>), each checked against the aggregate itself, so a stale index entry never shows
    /// one supporter another's data. Empty when there are none.
    /// </summary>
    Task<SupporterRecords> FindAsync(string supporterKey, CancellationToken cancellationToken);
}
