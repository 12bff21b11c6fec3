namespace Kok.Domain.Dashboard;

/// <summary>
/// The dashboard's member list, kept by the member repository on every save (an index, so a page never scans all
/// members). Pages hold at most <see cref="ListPage{T}.Size"/> items, sorted by due date (none last), then id.
/// </summary>
public interface IDashboardMemberList
{
    Task<ListPage<MemberListItem>> ListAsync(MemberListQuery query, CancellationToken cancellationToken);

    /// <summary>Every listed member with address, a page at a time (<paramref name="after"/>: the previous page's token, decoded).</summary>
    Task<ListPage<MemberExportRow>> ExportPageAsync(string? after, CancellationToken cancellationToken);
}
