namespace Kok.Domain.Membership;

/// <summary>The <c>consents</c> block of <c>POST /api/memberships</c> as submitted.</summary>
public sealed record MembershipConsentsForm
{
    /// <summary>Agreement to the privacy notice; must be true.</summary>
    public bool? Privacy { get; init; }

    /// <summary>May KOK name the member publicly (e.g. on its website)? Defaults to false.</summary>
    public bool? ListPublicly { get; init; }
}
