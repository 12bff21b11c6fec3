using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>The pay link's token is tampered, foreign or expired; nothing was read and no checkout was opened.</summary>
public sealed record PayDuesLinkRejected(LinkTokenCheck Reason) : PayDuesResult;
