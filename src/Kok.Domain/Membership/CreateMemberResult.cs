namespace Kok.Domain.Membership;

/// <summary>
/// Outcome of <see cref="CreateMember"/>: <see cref="MemberCreated"/>, <see cref="MemberReplayed"/>,
/// <see cref="MemberInvalid"/>, <see cref="MemberIdempotencyConflict"/> or <see cref="MemberAlreadyExists"/>.
/// </summary>
public abstract record CreateMemberResult;
