using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;

namespace Kok.Domain.SelfService;

/// <summary>
/// The provider confirmed a payment method a supporter set up on "Mein KOK" (<see cref="StartPaymentMethodChange"/>):
/// only now does it replace the old one. A member's next dues are charged on it (<see cref="Member.ReplacePaymentMethod"/>);
/// a monthly donation's subscription gets it as its default payment method at the provider first, then the donation
/// records it (<see cref="Donation.TakeOverPaymentMethod"/>). Audited as done by the supporter, confirmed by mail.
/// <para>
/// Idempotent: the provider confirms one setup by two events (checkout completed, setup intent succeeded), each maybe
/// more than once. The aggregate changes once; the provider call carries the setup's idempotency key; the mail goes
/// once per setup through the mail log, and is tried again by a later confirmation when it could not go the first time.
/// </para>
/// Storage cost of the first confirmation: one point read and one conditional write of the member or donation, one
/// audit insert, the mail log's insert and replace; a repeated one: the read and the mail log's read.
/// </summary>
public sealed class TakeOverPaymentMethod(
    IPaymentMethodSetup setup,
    IMemberRepository members,
    IDonationRepository donations,
    ISubscriptionGateway subscriptions,
    IAuditTrail audit,
    IIdGenerator ids,
    MailDispatcher mail,
    SelfServiceLinks links)
{
    public const string MemberAction = "member.payment_method_changed";
    public const string DonationAction = "donation.payment_method_changed";
    private const int MaxSaveAttempts = 5;

    public async Task<PaymentEventDisposition> ExecuteAsync(PaymentMethodSetUp setUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setUp);
        if (PaymentEventOwners.Direct(setUp) is not { } owner)
        {
            return PaymentEventDisposition.Ignored;
        }

        // Events do not carry the method; the provider tells what the setup saved (null: not succeeded, or not ours to take).
        var method = await setup.SetUpMethodAsync(setUp.SetupIntentId, cancellationToken).ConfigureAwait(false);
        if (method is null)
        {
            return PaymentEventDisposition.Ignored;
        }

        return owner.Kind == PaymentOwnerKind.Member
            ? await ForMemberAsync(setUp, owner.Id, method, cancellationToken).ConfigureAwait(false)
            : await ForDonationAsync(setUp, owner.Id, method, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PaymentEventDisposition> ForMemberAsync(PaymentMethodSetUp setUp, string memberId, SavedPaymentMethod method, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            if (await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return PaymentEventDisposition.Ignored;
            }

            var member = stored.Member;
            var records = new SupporterRecords([], [member]);
            if (member.SavedPaymentMethod?.PaymentMethodId == method.PaymentMethodId)
            {
                await ConfirmAsync(records, setUp, method, cancellationToken).ConfigureAwait(false);
                return PaymentEventDisposition.Duplicate;
            }

            if (member.ReplacePaymentMethod(method) is not { } changed)
            {
                return PaymentEventDisposition.Unchanged;
            }

            if (!await members.TrySaveAsync(member, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await AuditAsync(member.Id, MemberAction, ChangeFacts(method, changed.PreviousKind), setUp.Created, cancellationToken).ConfigureAwait(false);
            await ConfirmAsync(records, setUp, method, cancellationToken).ConfigureAwait(false);
            return PaymentEventDisposition.Processed;
        }

        return PaymentEventDisposition.RetryLater;
    }

    private async Task<PaymentEventDisposition> ForDonationAsync(PaymentMethodSetUp setUp, string donationId, SavedPaymentMethod method, CancellationToken cancellationToken)
    {
        var providerUpdated = false;
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            if (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return PaymentEventDisposition.Ignored;
            }

            var donation = stored.Donation;
            var records = new SupporterRecords([donation], []);
            if (donation.UsesSetUpPaymentMethod(method.PaymentMethodId))
            {
                await ConfirmAsync(records, setUp, method, cancellationToken).ConfigureAwait(false);
                return PaymentEventDisposition.Duplicate;
            }

            var previous = donation.PaymentMethod;
            if (!donation.TakeOverPaymentMethod(method))
            {
                return PaymentEventDisposition.Unchanged;
            }

            // The provider first: the donation says what the provider charges, never more. A failure throws, so the
            // provider sends the confirmation again.
            if (!providerUpdated)
            {
                await subscriptions.ChangeAsync(
                    new SubscriptionChange(donation.SubscriptionId!, $"payment-method-{setUp.SetupIntentId}") { DefaultPaymentMethodId = method.PaymentMethodId },
                    cancellationToken).ConfigureAwait(false);
                providerUpdated = true;
            }

            if (!await donations.TrySaveAsync(donation, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await AuditAsync(donation.Id, DonationAction, ChangeFacts(method, previous), setUp.Created, cancellationToken).ConfigureAwait(false);
            await ConfirmAsync(records, setUp, method, cancellationToken).ConfigureAwait(false);
            return PaymentEventDisposition.Processed;
        }

        return PaymentEventDisposition.RetryLater;
    }

    private static string ChangeFacts(SavedPaymentMethod method, PaymentMethodKind? previous) =>
        AuditFacts.Format(("paymentMethod", method.Kind.ToString()), ("previousPaymentMethod", previous?.ToString()));

    private Task AuditAsync(string subject, string action, string facts, DateTimeOffset at, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditEntry(
                ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), subject, action, ChangeOwnMonthlyDonation.SupporterActorId, ChangeOwnMonthlyDonation.SupporterActorName,
                at, facts),
            cancellationToken);

    /// <summary>Mails the confirmation for the one membership or monthly donation in <paramref name="records"/>.</summary>
    private async Task ConfirmAsync(SupporterRecords records, PaymentMethodSetUp setUp, SavedPaymentMethod method, CancellationToken cancellationToken)
    {
        var membership = records.Members.Count > 0;
        var ownerId = membership ? records.Members[0].Id : records.Donations[0].Id;
        var message = PaymentMethodChangeMail.Compose(records.Recipient!, records.Language, links.Page(records.Language), method, membership);
        await SelfServiceMail.TrySendAsync(mail, new MailLogKey(MailKind.PaymentMethodChanged, $"{ownerId}:{setUp.SetupIntentId}"), message, cancellationToken)
            .ConfigureAwait(false);
    }
}
