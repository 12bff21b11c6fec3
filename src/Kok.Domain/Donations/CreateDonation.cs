using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;

namespace Kok.Domain.Donations;

/// <summary>
/// <c>POST /api/donations</c>: validate, claim the idempotency key, open a checkout, store the donation.
/// Storage cost of a new donation: one insert, plus one insert for the idempotency claim when a key is sent.
/// A replay costs the refused claim, reading the claimed record and reading the donation.
/// A donation by bank transfer opens no checkout: it is stored pending with its reference code (one more upsert, the
/// code's index entry) and its instructions mail is asked for (one queue message).
/// </summary>
public sealed class CreateDonation(
    IDonationRepository donations,
    IPaymentGateway paymentGateway,
    IIdempotencyStore idempotencyStore,
    IIdGenerator idGenerator,
    TimeProvider timeProvider,
    IReceiptMailQueue? mailQueue = null,
    BankTransferSettings? bankTransfers = null)
{
    private readonly BankTransferSettings transfers = bankTransfers ?? BankTransferSettings.NotOffered;

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
        if (form.PaymentMethod == "bank_transfer" && !transfers.Offered)
        {
            errors.Add("paymentMethod", "Bank transfer is not offered at the moment: choose SEPA direct debit or card.");
        }

        var validated = DonationFormValidator.Validate(form, errors);
        if (validated.Value is not { } request)
        {
            return new DonationInvalid(validated.Errors);
        }

        var checkouts = new CheckoutIdempotency(idempotencyStore, timeProvider, StoredCheckoutUrlAsync);
        var newId = idGenerator.NewId(Donation.IdPrefix);
        var claim = await checkouts
            .ClaimAsync(IdempotencyScope, idempotencyKey, request.Fingerprint(), newId, cancellationToken)
            .ConfigureAwait(false);
        if (claim.IsConflict)
        {
            return new DonationIdempotencyConflict();
        }

        if (request.PaymentMethod == PaymentMethodKind.BankTransfer)
        {
            return await CreateTransferAsync(request, claim.Id, isRepeat: claim.Id != newId, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Stores the pending donation (a repeat finds the first request's), then asks for its instructions mail: after
    /// the save, since the mailer reads the donation; a crash in between is mended by the donor's retry under the same
    /// key, which asks again (the mailer sends at most once per donation).
    /// </summary>
    private async Task<CreateDonationResult> CreateTransferAsync(DonationRequest request, string id, bool isRepeat, CancellationToken cancellationToken)
    {
        var donation = isRepeat ? (await donations.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Donation : null;
        if (donation is null)
        {
            donation = Donation.Create(id, request, timeProvider.GetUtcNow());
            if (!await donations.TryAddAsync(donation, cancellationToken).ConfigureAwait(false))
            {
                donation = (await donations.GetAsync(id, cancellationToken).ConfigureAwait(false))?.Donation
                    ?? throw new InvalidOperationException($"A donation with id {id} exists but cannot be read.");
            }
        }

        await (mailQueue ?? throw new InvalidOperationException("Bank transfers need the mail queue.")).EnqueueAsync(
            new ReceiptMailRequest(ReceiptSubjectKind.Donation, donation.Id, donation.TransferPaymentId, ReceiptMailPurpose.TransferInstructions),
            cancellationToken).ConfigureAwait(false);
        var code = donation.TransferCode ?? throw new InvalidOperationException("A bank-transfer donation has a reference code.");
        return new TransferDonationCreated(donation.Id, donation.AmountCents, code, transfers.Account!);
    }

    private async Task<Uri?> StoredCheckoutUrlAsync(string donationId, CancellationToken cancellationToken) =>
        (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false))?.Donation.CheckoutUrl;
}
