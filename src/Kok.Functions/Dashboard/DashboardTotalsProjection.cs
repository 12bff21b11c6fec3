using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Counts an aggregate's contribution to the dashboard totals, off the request's path (<see cref="ProjectionPhase.Deferred"/>,
/// ADR 0006): its mark is a hash of the contribution, so only a save that moves the totals leaves a refresh; the
/// refresh applies the contribution of the aggregate as stored with its revision (<see cref="IDashboardTotals"/>
/// keeps each entity's last contribution and revision, so a redelivered or older refresh moves nothing). A new
/// aggregate that contributes nothing yet (a donation before its first payment) has no mark and leaves no refresh.
/// No personal data: counts and cents per month.
/// </summary>
internal sealed class DashboardTotalsProjection<TAggregate>(
    IDashboardTotals totals,
    Func<TAggregate, DashboardContribution> contributionOf) : IProjection<TAggregate>
{
    public string Name => "totals";

    public ProjectionPhase Phase => ProjectionPhase.Deferred;

    public PersonalDataDeclaration? PersonalData => null;

    public string? Mark(TAggregate aggregate) => MarkOf(contributionOf(aggregate));

    public Task RefreshAsync(ProjectionRefresh<TAggregate> refresh, CancellationToken cancellationToken) =>
        totals.ApplyAsync(refresh.Id, contributionOf(refresh.Aggregate), refresh.Revision, cancellationToken);

    /// <summary>16 hex digits of a hash over every scope and counter in order; null for no contribution.</summary>
    internal static string? MarkOf(DashboardContribution contribution)
    {
        if (contribution.IsEmpty)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var (scope, counters) in contribution.Scopes.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append(scope).Append('{');
            foreach (var (counter, value) in counters.Values.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                text.Append(counter).Append('=').Append(value.ToString(CultureInfo.InvariantCulture)).Append(';');
            }

            text.Append('}');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
