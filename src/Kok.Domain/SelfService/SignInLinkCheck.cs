namespace Kok.Domain.SelfService;

/// <summary>How a sign-in link fared when opened or used.</summary>
public enum SignInLinkCheck
{
    Valid,

    /// <summary>Not a link we made (mistyped, truncated, made up).</summary>
    Unknown,

    /// <summary>Older than <see cref="SignInLink.Lifetime"/>.</summary>
    Expired,

    /// <summary>Already used to sign in once.</summary>
    Used,
}
