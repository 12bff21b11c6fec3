namespace Kok.Domain.Dashboard;

/// <summary>
/// One year's dues in cents (see <see cref="MemberContribution"/> for what counts in which year). SEPA debits the bank
/// has not settled yet (<see cref="InFlightCents"/>) are neither collected nor outstanding: outstanding is what is
/// still to be asked for or chased.
/// </summary>
public sealed record DuesSummary(long ExpectedCents, long CollectedCents, long InFlightCents = 0)
{
    public long OutstandingCents => ExpectedCents - CollectedCents - InFlightCents;
}
