namespace Kok.Domain.Membership;

/// <summary>
/// One dues payment the payer's bank took back: which, under which SEPA mandate (null for cards, or when not known),
/// since when, and whether a won dispute gave it back.
/// </summary>
public sealed record MemberReturn(string PaymentId, string? MandateId, DateTimeOffset TakenBackAt, bool GivenBack);
