using Kok.Domain.Common;
using Kok.Domain.Donations;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Which donations the dashboard lists: those created in <see cref="Year"/> (null: the current Berlin year),
/// optionally of one status and interval, and matching a search text (lower-cased) in donor name, email or id.
/// </summary>
public sealed record DonationListQuery(DonationStatus? Status, DonationInterval? Interval, int? Year, string? Search, string? After)
{
    /// <summary>Reads the query string; errors name the parameter (<c>status</c>, <c>interval</c>, <c>year</c>, <c>q</c>, <c>continuationToken</c>).</summary>
    public static Validated<DonationListQuery> Parse(string? status, string? interval, string? year, string? search, string? continuationToken)
    {
        var errors = new ValidationErrors();
        var query = new DonationListQuery(
            ListQueryParsing.Enum<DonationStatus>("status", status, errors),
            ListQueryParsing.Enum<DonationInterval>("interval", interval, errors),
            DashboardScope.ParseYearParameter(year, errors),
            ListQueryParsing.Search(search, errors),
            ListQueryParsing.After(continuationToken, errors));
        return errors.IsEmpty ? new Validated<DonationListQuery>(query) : new Validated<DonationListQuery>(errors);
    }
}
