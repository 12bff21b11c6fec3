namespace Kok.Domain.SelfService;

/// <summary>Stores sign-in links by their token's hash. Cost target (Table Storage): one request per call.</summary>
public interface ISignInLinkStore
{
    Task AddAsync(SignInLink link, CancellationToken cancellationToken);

    Task<SignInLink?> GetAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Replaces the link if its stored version is still <see cref="SignInLink.Version"/>; false otherwise.</summary>
    Task<bool> TryReplaceAsync(SignInLink link, CancellationToken cancellationToken);
}
