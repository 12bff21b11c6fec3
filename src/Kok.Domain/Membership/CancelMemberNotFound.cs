namespace Kok.Domain.Membership;

/// <summary>No member with that id (HTTP 404).</summary>
public sealed record CancelMemberNotFound : CancelMembershipResult;
