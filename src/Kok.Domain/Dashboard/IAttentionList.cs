namespace Kok.Domain.Dashboard;

/// <summary>
/// The "Needs attention" index a projection keeps from donations and members: open items newest first, a page per
/// read whatever its size, and items staff marked done.
/// </summary>
public interface IAttentionList
{
    Task<ListPage<AttentionListItem>> ListOpenAsync(string? after, CancellationToken cancellationToken);

    /// <summary>Moves an open item to done; false when no open item has this key (unknown, or done already).</summary>
    Task<bool> MarkDoneAsync(string key, string staffId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>How many items are open (the summary's number).</summary>
    Task<int> CountOpenAsync(CancellationToken cancellationToken);
}
