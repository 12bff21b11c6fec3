using Kok.Domain.Common;

namespace Kok.Domain.Payments;

/// <summary>
/// What every public form that ends at a hosted checkout shares (a donation, a membership sign-up), written once: the
/// <c>Idempotency-Key</c> is claimed with the id the new subject will get; a repeat is answered with the stored
/// subject's checkout page, or carries on under the first request's id when that one is still running or died
/// before storing (the payment gateway is idempotent per subject id, and only one insert can win); and after losing
/// the insert to a concurrent identical request, the answer is the page that one stored. What differs (the subject,
/// its checkout request, the duplicate-membership check) stays with each use case.
/// </summary>
public sealed class CheckoutIdempotency(IIdempotencyStore store, TimeProvider timeProvider, Func<string, CancellationToken, Task<Uri?>> storedCheckoutUrl)
{
    /// <summary>
    /// Claims <paramref name="key"/> (nothing to claim without one) for a request with <paramref name="fingerprint"/>
    /// that would create a subject with <paramref name="newId"/>.
    /// </summary>
    public async Task<CheckoutClaim> ClaimAsync(string scope, string? key, string fingerprint, string newId, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return new CheckoutClaim(newId, null, false);
        }

        var claim = await new IdempotencyGuard(store, timeProvider)
            .ClaimAsync(scope, key, fingerprint, newId, cancellationToken)
            .ConfigureAwait(false);
        if (claim.IsConflict)
        {
            return new CheckoutClaim(string.Empty, null, true);
        }

        return claim.IsRepeat
            ? new CheckoutClaim(claim.ResourceId, await storedCheckoutUrl(claim.ResourceId, cancellationToken).ConfigureAwait(false), false)
            : new CheckoutClaim(newId, null, false);
    }

    /// <summary>The checkout page of the subject a concurrent identical request stored under <paramref name="id"/> first.</summary>
    public async Task<Uri> StoredAfterLostInsertAsync(string id, CancellationToken cancellationToken) =>
        await storedCheckoutUrl(id, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"A subject with id {id} exists but cannot be read.");
}
