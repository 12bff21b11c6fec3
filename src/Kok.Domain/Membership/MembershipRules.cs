namespace Kok.Domain.Membership;

/// <summary>
/// The configurable rules of supporting membership. The minimum comes from the members' resolution
/// (<c>Membership:MinimumAnnualAmount</c>, 50.00 EUR unless configured); the maximum guards against typos.
/// </summary>
public sealed record MembershipRules
{
    public const long DefaultMinimumAnnualAmountCents = 50_00;
    public const long MaxAnnualAmountCents = 10_000_00;

    public MembershipRules(long minimumAnnualAmountCents = DefaultMinimumAnnualAmountCents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumAnnualAmountCents, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumAnnualAmountCents, MaxAnnualAmountCents);
        MinimumAnnualAmountCents = minimumAnnualAmountCents;
    }

    public long MinimumAnnualAmountCents { get; }

    public static MembershipRules Default { get; } = new();
}
