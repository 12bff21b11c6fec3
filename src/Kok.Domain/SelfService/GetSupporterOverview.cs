namespace Kok.Domain.SelfService;

/// <summary>The overview of the signed-in supporter, and nobody else's: found by their key alone.</summary>
public sealed class GetSupporterOverview(ISupporterDirectory directory)
{
    public async Task<SupporterOverview> ExecuteAsync(string supporterKey, CancellationToken cancellationToken)
    {
        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        return new SupporterOverview(
            [.. records.Donations.Select(SupporterDonationView.Of)],
            [.. records.Members.Select(SupporterMembershipView.Of)]);
    }
}
