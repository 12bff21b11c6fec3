using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

public class OrganisationProfileTests
{
    [Fact]
    public void Defaults_carry_the_public_facts_and_mark_everything_else_as_placeholder()
    {
        var kok = OrganisationProfile.KokDefaults;

        Assert.Equal("KOK - bundesweiter Koordinierungskreis gegen Menschenhandel e.V.", kok.Name);
        Assert.Equal("Berlin", kok.City);
        Assert.Equal("[Finanzamt – bitte konfigurieren]", kok.TaxOffice);
        Assert.True(OrganisationProfile.IsPlaceholder(kok.TaxNumber));
        Assert.Equal("[Datum des Bescheids – bitte konfigurieren]", kok.ExemptionNoticeDateText);
        Assert.Equal(
            ["AddressLines", "TaxOffice", "TaxNumber", "ExemptionNoticeDate", "AssessmentPeriod", "Purposes", "SignatoryName", "SignatoryFunction", "ContactEmail"],
            kok.UnconfiguredSettings());
        Assert.False(kok.CanIssueReceiptsOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_configured_profile_is_complete()
    {
        Assert.Empty(ReceiptTestData.ConfiguredOrganisation.UnconfiguredSettings());
    }

    [Fact]
    public void A_freistellungsbescheid_may_be_cited_for_five_years_a_60a_notice_for_three()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation; // notice of 17.05.2024

        Assert.Equal(new DateOnly(2029, 5, 17), organisation.ExemptionNoticeUsableUntil);
        Assert.True(organisation.CanIssueReceiptsOn(new DateOnly(2029, 5, 17)));
        Assert.False(organisation.CanIssueReceiptsOn(new DateOnly(2029, 5, 18)));

        var newOrganisation = organisation with { ExemptionNotice = TaxExemptionNotice.Feststellungsbescheid };
        Assert.Equal(new DateOnly(2027, 5, 17), newOrganisation.ExemptionNoticeUsableUntil);
        Assert.False(newOrganisation.CanIssueReceiptsOn(new DateOnly(2027, 5, 18)));
    }

    [Fact]
    public void Assessment_period_is_not_needed_for_a_60a_notice()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with
        {
            ExemptionNotice = TaxExemptionNotice.Feststellungsbescheid,
            AssessmentPeriod = OrganisationProfile.Placeholder("Veranlagungszeitraum"),
        };

        Assert.Empty(organisation.UnconfiguredSettings());
    }
}
