namespace Kok.Domain.SelfService;

/// <summary>The "send me a sign-in link" form as posted: the address, the honeypot, and fields of the wrong JSON type.</summary>
public sealed record SignInLinkForm(string? Email, string? Website, IReadOnlyCollection<string>? WrongTypeFields = null);
