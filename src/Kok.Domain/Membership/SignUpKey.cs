namespace Kok.Domain.Membership;

/// <summary>
/// Who counts as the same applicant: the email address and the name, ignoring case and spacing. The duplicate rule
/// (<see cref="Member.BlocksSignUp"/>) and the sign-up lock (<see cref="ISignUpLock"/>) both use it, so they agree.
/// </summary>
public static class SignUpKey
{
    public static string Of(string email, string name)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(name);
        var collapsed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        // Upper-casing matches OrdinalIgnoreCase, the comparison the rule used before it had a key.
        return email.Trim().ToUpperInvariant() + "\n" + collapsed.ToUpperInvariant();
    }
}
