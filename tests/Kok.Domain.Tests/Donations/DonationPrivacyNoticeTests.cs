using System.Text.Json;
using Kok.Domain.Donations;
using Moq;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

/// <summary>Each donation keeps, as evidence, which privacy notice the form showed the donor.</summary>
public sealed class DonationPrivacyNoticeTests
{
    [Fact]
    public async Task A_new_donation_records_the_current_notice_keeps_it_through_its_snapshot_and_staff_see_it()
    {
        var donation = NewDonation(DonationInterval.Once, amountCents: 2550);

        var restored = Donation.FromSnapshot(donation.ToSnapshot());
        var repository = new Mock<IDonationRepository>();
        repository.Setup(r => r.GetAsync(DonationId, It.IsAny<CancellationToken>())).ReturnsAsync(new VersionedDonation(restored, "v1"));
        var view = await new GetDonation(repository.Object).ExecuteAsync(DonationId, CancellationToken.None);

        Assert.Equal(DonationPrivacyNotice.CurrentVersion, donation.PrivacyNoticeVersion);
        Assert.Equal(DonationPrivacyNotice.CurrentVersion, restored.PrivacyNoticeVersion);
        Assert.Equal(DonationPrivacyNotice.CurrentVersion, view!.PrivacyNoticeVersion);
    }

    [Fact]
    public void A_donation_stored_before_the_notice_was_recorded_reads_as_none_shown_on_record()
    {
        // The repository stores the snapshot as JSON; a row written before the field existed lacks it.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.SerializeToNode(NewDonation(DonationInterval.Once, amountCents: 2550).ToSnapshot(), options)!.AsObject();
        Assert.True(json.Remove("privacyNoticeVersion"));

        var old = Donation.FromSnapshot(json.Deserialize<DonationSnapshot>(options)!);

        Assert.Null(old.PrivacyNoticeVersion);
    }
}
