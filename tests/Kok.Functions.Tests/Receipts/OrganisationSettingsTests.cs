using Kok.Domain.Receipts;
using Kok.Functions.Receipts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Tests.Receipts;

public class OrganisationSettingsTests
{
    [Fact]
    public void Without_configuration_the_kok_defaults_apply()
    {
        var profile = OrganisationSettings.Load(new ConfigurationBuilder().Build());

        Assert.Equal(OrganisationProfile.KokDefaults, profile);
    }

    [Fact]
    public void Configured_values_replace_the_defaults_and_address_lines_are_not_appended()
    {
        var facsimile = new byte[] { 1, 2, 3 };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Organisation:AddressLines:0"] = "Kurfürstenstraße 33",
            ["Organisation:AddressLines:1"] = "10785 Berlin",
            ["Organisation:TaxOffice"] = " Berlin für Körperschaften I ",
            ["Organisation:TaxNumber"] = "27/123/45678",
            ["Organisation:ExemptionNotice"] = "Feststellungsbescheid",
            ["Organisation:ExemptionNoticeDate"] = "2024-05-17",
            ["Organisation:Purposes"] = "der Hilfe für Opfer von Straftaten",
            ["Organisation:MembershipFeesDeductible"] = "false",
            ["Organisation:SignatoryName"] = "Erika Mustermann",
            ["Organisation:SignatoryFunction"] = "Geschäftsführerin",
            ["Organisation:ContactEmail"] = "spenden@example.org",
            ["Organisation:SignatureFacsimileBase64"] = Convert.ToBase64String(facsimile),
        }).Build();

        var profile = OrganisationSettings.Load(configuration);

        Assert.Equal(["Kurfürstenstraße 33", "10785 Berlin"], profile.AddressLines);
        Assert.Equal("Berlin für Körperschaften I", profile.TaxOffice);
        Assert.Equal("27/123/45678", profile.TaxNumber);
        Assert.Equal(TaxExemptionNotice.Feststellungsbescheid, profile.ExemptionNotice);
        Assert.Equal(new DateOnly(2024, 5, 17), profile.ExemptionNoticeDate);
        Assert.False(profile.MembershipFeesDeductible);
        Assert.Equal(facsimile, profile.SignatureFacsimile.ToArray());
        Assert.Equal(OrganisationProfile.KokDefaults.Name, profile.Name);
        Assert.Equal("Berlin", profile.City);
        Assert.Empty(profile.UnconfiguredSettings());
    }

    [Fact]
    public void AddKokBackend_wires_the_renderer_the_composer_and_the_profile()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Organisation:TaxOffice"] = "Berlin für Körperschaften I",
        }).Build();
        var services = new ServiceCollection();
        services.AddKokBackend(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<PdfReceiptRenderer>(provider.GetRequiredService<IReceiptRenderer>());
        Assert.NotNull(provider.GetRequiredService<ReceiptMailComposer>());
        Assert.Equal("Berlin für Körperschaften I", provider.GetRequiredService<OrganisationProfile>().TaxOffice);
    }
}
