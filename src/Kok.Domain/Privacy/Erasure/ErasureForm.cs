namespace Kok.Domain.Privacy.Erasure;

/// <summary>The staff's erasure request as sent, before validation (<see cref="ErasureRequest.Validate"/>).</summary>
public sealed record ErasureForm(string? Email, string? Reason, bool? Confirm, string? MembershipEnd);
