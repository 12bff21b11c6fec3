using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Donations;

/// <summary>
/// <c>POST /api/donations</c>: validate, claim the idempotency key, open a checkout, store the donation.
/// Storage cost of a new donation: one insert, plus one insert for the idempotency claim when a key is sent.
/// A replay costs the refused claim, reading the claimed record and reading the donation.
/// </summary>
public sealed class CreateDonation(
    IDonationRepository donations,
    IPaymentGateway paymentGateway,
    IIdempotencyStore idempotencyStore,
    IIdGenerator idGenerator,
    TimeProvider timeProvider)
{
    public const string IdempotencyScope = "donations";
    public const string IdempotencyKeyField = "Idempotency-Key";

    public async Task<CreateDonationResult> ExecuteAsync(
        DonationForm form,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);

        var errors = new ValidationErrors();
        FieldRules.IdempotencyKey(errors, IdempotencyKeyField, idempotencyKey);
        var validated = DonationFormValidator.Validate(form, errors);
        if (validated.Value is not { } request)
        {
            return new DonationInvalid(validated.Errors);
        }

        var checkouts = new CheckoutIdempotency(idempotencyStore, timeProvider, StoredCheckoutUrlAsync);
        var claim = await checkouts
            .ClaimAsync(IdempotencyScope, idempotencyKey, request.Fingerprint(), idGenerator.NewId(Donation.IdPrefix), cancellationToken)
            .ConfigureAwait(false);
        if (claim.IsConflict)
        {
            return new DonationIdempotencyConflict();
        }

        if (claim.ReplayUrl is { } url)
        {
            return new DonationReplayed(claim.Id, url);
        }

        var donation = Donation.Create(claim.Id, request, timeProvider.GetUtcNow());
        var session = await paymentGateway.CreateDonationCheckoutAsync(
            new DonationCheckoutRequest(
                donation.Id,
                donation.AmountCents,
                donation.Interval,
                donation.PaymentMethod,
                donation.Donor.Email,
                donation.Locale),
            cancellationToken).ConfigureAwait(false);
        donation.AttachCheckout(session);

        if (await donations.TryAddAsync(donation, cancellationToken).ConfigureAwait(false))
        {
            return new DonationCreated(donation.Id, session.Url);
        }

        // Lost the race against a concurrent identical request: answer with what it stored.
        return new DonationReplayed(donation.Id, await checkouts.StoredAfterLostInsertAsync(donation.Id, cancellationToken).ConfigureAwait(false));
    }

    private async Task<Uri?> StoredCheckoutUrlAsync(string donationId, CancellationToken cancellationToken) =>
        (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false))?.Donation.CheckoutUrl;
}
