namespace Kok.Domain.Membership;

/// <summary>The request was refused; <paramref name="Errors"/> maps JSON paths to English messages (HTTP 400).</summary>
public sealed record MemberInvalid(IReadOnlyDictionary<string, string[]> Errors) : CreateMemberResult;
