using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

internal static class ReceiptTestData
{
    public static OrganisationProfile ConfiguredOrganisation { get; } = OrganisationProfile.KokDefaults with
    {
        AddressLines = ["Kurfürstenstraße 33", "10785 Berlin"],
        TaxOffice = "Berlin für Körperschaften I",
        TaxNumber = "27/123/45678",
        ExemptionNoticeDate = new DateOnly(2024, 5, 17),
        AssessmentPeriod = "2020 bis 2022",
        Purposes = "der Hilfe für Opfer von Straftaten",
        SignatoryName = "Erika Mustermann",
        SignatoryFunction = "Geschäftsführerin",
        ContactEmail = "spenden@example.org",
    };

    public static ReceiptDocument Receipt(long amountCents = 2550, ReceiptKind kind = ReceiptKind.Donation, string donorName = "Max Mustermann") =>
        new(
            "2026-000123",
            kind,
            donorName,
            ["Musterweg 1", "12345 Musterstadt"],
            amountCents,
            new DateOnly(2026, 3, 2),
            new DateOnly(2026, 3, 3));
}
