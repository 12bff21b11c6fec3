using Kok.Domain.Donations;
using Kok.IntegrationTests.Donations;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Privacy;

/// <summary>A donation made through the form keeps, stored and shown to staff, the privacy notice version the form showed.</summary>
public sealed class DonationPrivacyNoticeThroughDevHostTests
{
    [Fact]
    public async Task A_donation_records_the_privacy_notice_the_form_showed_and_staff_see_it()
    {
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("CreateDonation");
            o.OnlyFunctions.Add("GetDonation");
            o.Settings["Staff:DevToken"] = DonationApi.StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        var api = new DonationApi(server);
        var (donationId, _) = await api.CreateAsync();

        var view = await api.GetAsync(donationId);

        Assert.Equal(DonationPrivacyNotice.CurrentVersion, (string)view["privacyNoticeVersion"]!);
    }
}
