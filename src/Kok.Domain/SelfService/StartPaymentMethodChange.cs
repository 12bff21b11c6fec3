using Kok.Domain.Common;
using Kok.Domain.Payments;

namespace Kok.Domain.SelfService;

/// <summary>
/// "Mein KOK": the signed-in supporter asks to pay a running monthly donation or membership with another card or
/// SEPA mandate. This only opens the provider's page in setup mode (nothing is charged, nothing changes here); the
/// new method is taken over when the provider confirms it (<see cref="TakeOverPaymentMethod"/>), so the page never
/// shows a method the provider does not hold. Not the supporter's own donation or membership: not found; one that no
/// longer runs, or that was never paid through the provider (bank transfer): not changeable.
/// Storage cost: the supporter's records (as the overview); one call to the provider.
/// </summary>
public sealed class StartPaymentMethodChange(ISupporterDirectory directory, IPaymentMethodSetup setup, IIdGenerator ids, SelfServiceLinks links)
{
    /// <summary>The query parameter of the page's return links: <c>pending</c> after the provider's page, <c>canceled</c> when left.</summary>
    public const string ReturnParameter = "payment-method";

    public async Task<SupporterChangeResult> ForDonationAsync(string supporterKey, string donationId, CancellationToken cancellationToken)
    {
        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        var donation = records.Donations.FirstOrDefault(d => d.Id == donationId);
        if (donation is null || records.Recipient is null)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.NotFound);
        }

        return donation.PaymentMethodReplaceable && donation.CustomerId is { } customerId
            ? await StartAsync(records, new PaymentOwner(PaymentOwnerKind.Donation, donation.Id), customerId, cancellationToken).ConfigureAwait(false)
            : new SupporterChangeResult(SupporterChangeOutcome.NotChangeable);
    }

    public async Task<SupporterChangeResult> ForMembershipAsync(string supporterKey, string memberId, CancellationToken cancellationToken)
    {
        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        var member = records.Members.FirstOrDefault(m => m.Id == memberId);
        if (member is null || records.Recipient is null)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.NotFound);
        }

        return member.PaymentMethodReplaceable && member.CustomerId is { } customerId
            ? await StartAsync(records, new PaymentOwner(PaymentOwnerKind.Member, member.Id), customerId, cancellationToken).ConfigureAwait(false)
            : new SupporterChangeResult(SupporterChangeOutcome.NotChangeable);
    }

    private async Task<SupporterChangeResult> StartAsync(SupporterRecords records, PaymentOwner owner, string customerId, CancellationToken cancellationToken)
    {
        var language = records.Language;
        var session = await setup.StartAsync(
            new PaymentMethodSetupRequest(
                owner,
                customerId,
                Mail.MailLanguageCode.ToCode(language),
                links.Page(language, ReturnParameter, "pending"),
                links.Page(language, ReturnParameter, "canceled"),
                // Per request: a page completed or left earlier must not come back for a new attempt.
                $"payment-method-setup:{owner.Id}:{ids.NewId("set")}"),
            cancellationToken).ConfigureAwait(false);
        return new SupporterChangeResult(SupporterChangeOutcome.Requested) { Url = session.Url };
    }
}
