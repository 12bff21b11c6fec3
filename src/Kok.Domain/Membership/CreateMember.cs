using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// <c>POST /api/memberships</c>: validate, claim the idempotency key, take the applicant's sign-up lease, refuse a
/// second membership for the same name and email, open the checkout, store the member, give the lease back. Storage
/// cost of a new sign-up: the idempotency claim (one insert, when a key is sent), the lease (one insert, one delete),
/// the email index query (one read, plus one point read per earlier sign-up with that address), and the member with
/// its email index entry (two inserts), plus what the repository keeps for the dashboard.
/// A sign-up by bank transfer opens no checkout: the member is stored pending with its dues reference code (one more
/// upsert, the code's index entry) and the mail with account and code is asked for (one queue message).
/// </summary>
public sealed class CreateMember(
    IMemberRepository members,
    IPaymentGateway paymentGateway,
    IIdempotencyStore idempotencyStore,
    ISignUpLock signUpLock,
    IIdGenerator idGenerator,
    MembershipRules rules,
    TimeProvider timeProvider,
    IMemberMailQueue? memberMails = null,
    BankTransferSettings? bankTransfers = null)
{
    private readonly BankTransferSettings transfers = bankTransfers ?? BankTransferSettings.NotOffered;

    public const string IdempotencyScope = "memberships";
    public const string IdempotencyKeyField = "Idempotency-Key";

    /// <summary>
    /// How long a sign-up may hold the applicant's lease: long enough for the duplicate check, Stripe's checkout
    /// (its client gives up after 80 s) and the insert; a sign-up that died frees the applicant after this.
    /// </summary>
    public static readonly TimeSpan SignUpLease = TimeSpan.FromMinutes(2);

    public async Task<CreateMemberResult> ExecuteAsync(MembershipForm form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);

        var errors = new ValidationErrors();
        FieldRules.IdempotencyKey(errors, IdempotencyKeyField, idempotencyKey);
        if (form.PaymentMethod == "bank_transfer" && !transfers.Offered)
        {
            errors.Add("paymentMethod", "Bank transfer is not offered at the moment: choose SEPA direct debit or card.");
        }

        var validated = MembershipFormValidator.Validate(form, rules, errors);
        if (validated.Value is not { } request)
        {
            return new MemberInvalid(validated.Errors);
        }

        var checkouts = new CheckoutIdempotency(idempotencyStore, timeProvider, StoredCheckoutUrlAsync);
        var claim = await checkouts
            .ClaimAsync(IdempotencyScope, idempotencyKey, request.Fingerprint(), idGenerator.NewId(Member.IdPrefix), cancellationToken)
            .ConfigureAwait(false);
        if (claim.IsConflict)
        {
            return new MemberIdempotencyConflict();
        }

        if (claim.ReplayUrl is { } url)
        {
            return new MemberReplayed(claim.Id, url);
        }

        var memberId = claim.Id;
        var now = timeProvider.GetUtcNow();
        var signUpKey = SignUpKey.Of(request.Email, request.Name);
        var lease = await signUpLock.TryAcquireAsync(signUpKey, memberId, now, now + SignUpLease, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            // Another sign-up of the same person is under way right now (a second tab, say): it is the pending one.
            return new MemberAlreadyExists(MembershipStatus.Pending);
        }

        try
        {
            return await CreateAsync(request, memberId, now, checkouts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await signUpLock.ReleaseAsync(signUpKey, lease, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<CreateMemberResult> CreateAsync(
        MembershipRequest request, string memberId, DateTimeOffset now, CheckoutIdempotency checkouts, CancellationToken cancellationToken)
    {
        foreach (var otherId in await members.FindIdsByEmailAsync(request.Email, cancellationToken).ConfigureAwait(false))
        {
            if (otherId == memberId || !Member.IsWellFormedId(otherId))
            {
                continue;
            }

            var other = await members.GetAsync(otherId, cancellationToken).ConfigureAwait(false);
            if (other is not null && other.Member.BlocksSignUp(request, now))
            {
                return new MemberAlreadyExists(other.Member.Status);
            }
        }

        var member = Member.Create(memberId, request, now);
        if (member.PaysByTransfer)
        {
            return await CreateTransferAsync(member, cancellationToken).ConfigureAwait(false);
        }

        var session = await paymentGateway.CreateMembershipCheckoutAsync(
            new MembershipCheckoutRequest(member.Id, member.AnnualAmountCents, member.PaymentMethod, member.Email, member.Locale),
            cancellationToken).ConfigureAwait(false);
        member.AttachCheckout(session);

        if (await members.TryAddAsync(member, cancellationToken).ConfigureAwait(false))
        {
            return new MemberCreated(member.Id, session.Url);
        }

        // Lost the race against a concurrent identical request: answer with what it stored.
        return new MemberReplayed(member.Id, await checkouts.StoredAfterLostInsertAsync(member.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Stores the pending member (a repeat under the same key finds the first request's), then asks for the mail with
    /// account, amount and code: after the save, since the mailer reads the member; a crash in between is mended by
    /// the applicant's retry under the same key, which asks again (the mailer sends at most once per member).
    /// </summary>
    private async Task<CreateMemberResult> CreateTransferAsync(Member member, CancellationToken cancellationToken)
    {
        if (!await members.TryAddAsync(member, cancellationToken).ConfigureAwait(false))
        {
            member = (await members.GetAsync(member.Id, cancellationToken).ConfigureAwait(false))?.Member
                ?? throw new InvalidOperationException($"A member with id {member.Id} exists but cannot be read.");
        }

        await (memberMails ?? throw new InvalidOperationException("Sign-ups by bank transfer need the member mail queue.")).EnqueueAsync(
            new MemberMailRequest(MemberMailKind.TransferInstructions, member.Id), cancellationToken).ConfigureAwait(false);
        var code = member.DuesTransferCode ?? throw new InvalidOperationException("A member paying by transfer has a reference code.");
        return new TransferMemberCreated(member.Id, member.AnnualAmountCents, code, transfers.Account!);
    }

    private async Task<Uri?> StoredCheckoutUrlAsync(string memberId, CancellationToken cancellationToken) =>
        (await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false))?.Member.CheckoutUrl;
}
