namespace Kok.Domain.Dashboard;

/// <summary>Paid donation payments of one kind (one-time or monthly) in a year, net of refunds.</summary>
public sealed record DonationIntervalSummary(long Count, long SumCents);
