namespace Kok.Domain.SelfService;

/// <summary>
/// Opening and using a mailed sign-in link. <see cref="CheckAsync"/> only looks (the page behind a <c>GET</c>, which
/// mail scanners fetch too); <see cref="UseAsync"/> spends the link and names the supporter to sign in.
/// </summary>
public sealed class SignInWithLink(ISignInLinkStore links, TimeProvider time)
{
    public async Task<SignInLinkCheck> CheckAsync(string? token, CancellationToken cancellationToken) =>
        await FindAsync(token, cancellationToken).ConfigureAwait(false) is { } link ? link.Check(time.GetUtcNow()) : SignInLinkCheck.Unknown;

    /// <summary>The supporter key when the link was valid and is now used; else why not.</summary>
    public async Task<(SignInLinkCheck Check, string? SupporterKey)> UseAsync(string? token, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, cancellationToken).ConfigureAwait(false) is not { } link)
        {
            return (SignInLinkCheck.Unknown, null);
        }

        var now = time.GetUtcNow();
        var check = link.Check(now);
        if (check != SignInLinkCheck.Valid)
        {
            return (check, null);
        }

        // Under the version read: of two simultaneous uses of one link only one signs in.
        return await links.TryReplaceAsync(link.Use(now), cancellationToken).ConfigureAwait(false)
            ? (SignInLinkCheck.Valid, link.SupporterKey)
            : (SignInLinkCheck.Used, null);
    }

    private async Task<SignInLink?> FindAsync(string? token, CancellationToken cancellationToken) =>
        SignInLink.HashOf(token) is { } hash ? await links.GetAsync(hash, cancellationToken).ConfigureAwait(false) : null;
}
