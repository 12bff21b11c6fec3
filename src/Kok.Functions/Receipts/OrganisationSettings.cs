using System.Globalization;
using Kok.Domain.Receipts;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Receipts;

/// <summary>
/// Configuration section <c>Organisation</c>; every key is optional and falls back to
/// <see cref="OrganisationProfile.KokDefaults"/>. In app settings: <c>Organisation__TaxOffice</c>,
/// <c>Organisation__AddressLines__0</c>, <c>Organisation__ExemptionNoticeDate</c> (yyyy-MM-dd),
/// <c>Organisation__ExemptionNotice</c> (Freistellungsbescheid | Feststellungsbescheid),
/// <c>Organisation__SignatureFacsimileBase64</c> (PNG or JPEG) and so on.
/// </summary>
public sealed class OrganisationSettings
{
    public const string SectionName = "Organisation";

    public string? Name { get; set; }

    public string? ShortName { get; set; }

#pragma warning disable CA1819 // Bound from configuration (AddressLines:0, :1, …).
    public string[]? AddressLines { get; set; }
#pragma warning restore CA1819

    public string? City { get; set; }

    public string? TaxOffice { get; set; }

    public string? TaxNumber { get; set; }

    public TaxExemptionNotice? ExemptionNotice { get; set; }

    public string? ExemptionNoticeDate { get; set; }

    public string? AssessmentPeriod { get; set; }

    public string? Purposes { get; set; }

    public bool? MembershipFeesDeductible { get; set; }

    public string? SignatoryName { get; set; }

    public string? SignatoryFunction { get; set; }

    public string? ContactEmail { get; set; }

    public string? SignatureFacsimileBase64 { get; set; }

    public static OrganisationProfile Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(SectionName).Get<OrganisationSettings>() ?? new OrganisationSettings();
        return settings.ToProfile();
    }

    public OrganisationProfile ToProfile()
    {
        var defaults = OrganisationProfile.KokDefaults;
        var addressLines = AddressLines?.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToArray();
        return defaults with
        {
            Name = Or(Name, defaults.Name),
            ShortName = Or(ShortName, defaults.ShortName),
            AddressLines = addressLines is { Length: > 0 } ? addressLines : defaults.AddressLines,
            City = Or(City, defaults.City),
            TaxOffice = Or(TaxOffice, defaults.TaxOffice),
            TaxNumber = Or(TaxNumber, defaults.TaxNumber),
            ExemptionNotice = ExemptionNotice ?? defaults.ExemptionNotice,
            ExemptionNoticeDate = string.IsNullOrWhiteSpace(ExemptionNoticeDate)
                ? defaults.ExemptionNoticeDate
                : DateOnly.ParseExact(ExemptionNoticeDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            AssessmentPeriod = Or(AssessmentPeriod, defaults.AssessmentPeriod),
            Purposes = Or(Purposes, defaults.Purposes),
            MembershipFeesDeductible = MembershipFeesDeductible ?? defaults.MembershipFeesDeductible,
            SignatoryName = Or(SignatoryName, defaults.SignatoryName),
            SignatoryFunction = Or(SignatoryFunction, defaults.SignatoryFunction),
            ContactEmail = Or(ContactEmail, defaults.ContactEmail),
            SignatureFacsimile = string.IsNullOrWhiteSpace(SignatureFacsimileBase64)
                ? defaults.SignatureFacsimile
                : Convert.FromBase64String(SignatureFacsimileBase64.Trim()),
        };
    }

    private static string Or(string? configured, string fallback) =>
        string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
}
