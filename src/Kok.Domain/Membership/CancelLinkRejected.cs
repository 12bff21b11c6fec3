namespace Kok.Domain.Membership;

/// <summary>The link's token is tampered, foreign or expired (HTTP 403); nothing was read or changed.</summary>
public sealed record CancelLinkRejected(LinkTokenCheck Reason) : CancelMembershipResult;
