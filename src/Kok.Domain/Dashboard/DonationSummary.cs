namespace Kok.Domain.Dashboard;

/// <summary>A year's donation payments, net of refunds (see <see cref="DonationContribution"/>), in all and by kind.</summary>
public sealed record DonationSummary(DonationIntervalSummary OneTime, DonationIntervalSummary Monthly)
{
    public long Count => OneTime.Count + Monthly.Count;

    public long SumCents => OneTime.SumCents + Monthly.SumCents;
}
