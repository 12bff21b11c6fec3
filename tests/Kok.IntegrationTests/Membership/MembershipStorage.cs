namespace Kok.IntegrationTests.Membership;

/// <summary>
/// Tests that share the membership tables' endings index run one after another: the daily end run takes every
/// entry due, including another test's.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MembershipStorage
{
    public const string Name = "Membership storage";
}
