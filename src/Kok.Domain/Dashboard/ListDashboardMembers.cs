namespace Kok.Domain.Dashboard;

/// <summary>The dashboard's member list and the members CSV, both read from <see cref="IDashboardMemberList"/>.</summary>
public sealed class ListDashboardMembers(IDashboardMemberList list)
{
    public Task<ListPage<MemberListItem>> ExecuteAsync(MemberListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return list.ListAsync(query, cancellationToken);
    }

    /// <summary>Every listed member, one page at a time, so an export never holds more than a page.</summary>
    public async IAsyncEnumerable<IReadOnlyList<MemberExportRow>> ExportAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await list.ExportPageAsync(after, cancellationToken);
            yield return page.Items;
            after = page.ContinuationToken is { } token && ListContinuation.TryDecode(token, out var key) ? key : null;
        }
        while (after is not null);
    }
}
