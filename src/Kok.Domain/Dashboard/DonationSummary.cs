namespace Kok.Domain.Dashboard;

/// <summary>
/// A year's donation payments, net of refunds (see <see cref="DonationContribution"/>), in all and by kind; apart from
/// them the SEPA debits still in flight (<see cref="InFlight"/>: not yet money, not counted in the sums).
/// </summary>
public sealed record DonationSummary(DonationIntervalSummary OneTime, DonationIntervalSummary Monthly)
{
    public long Count => OneTime.Count + Monthly.Count;

    public long SumCents => OneTime.SumCents + Monthly.SumCents;

    public DonationIntervalSummary InFlight { get; init; } = new(0, 0);
}
