using Kok.Domain.Common;
using Kok.Domain.Membership;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Which members the dashboard lists: optionally one status, members whose due date lies in one year, and a search
/// text (lower-cased) matched against name, contact person, email and id. <see cref="After"/> is the decoded
/// continuation: the last key of the previous page.
/// </summary>
public sealed record MemberListQuery(MembershipStatus? Status, int? Year, string? Search, string? After)
{
    public static MemberListQuery All { get; } = new(null, null, null, null);

    /// <summary>Reads the query string; errors name the parameter (<c>status</c>, <c>year</c>, <c>q</c>, <c>continuationToken</c>).</summary>
    public static Validated<MemberListQuery> Parse(string? status, string? year, string? search, string? continuationToken)
    {
        var errors = new ValidationErrors();
        var query = new MemberListQuery(
            ListQueryParsing.Enum<MembershipStatus>("status", status, errors),
            DashboardScope.ParseYearParameter(year, errors),
            ListQueryParsing.Search(search, errors),
            ListQueryParsing.After(continuationToken, errors));
        return errors.IsEmpty ? new Validated<MemberListQuery>(query) : new Validated<MemberListQuery>(errors);
    }
}
