namespace Kok.Domain.Membership;

/// <summary>Something that happened to a member that others (receipts, mails) react to.</summary>
public abstract record MemberEvent(string MemberId);
