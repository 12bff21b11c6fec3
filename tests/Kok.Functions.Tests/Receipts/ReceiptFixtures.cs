using Kok.Domain.Receipts;

namespace Kok.Functions.Tests.Receipts;

internal static class ReceiptFixtures
{
    public static OrganisationProfile Organisation { get; } = OrganisationProfile.KokDefaults with
    {
        AddressLines = ["Kurfürstenstraße 33", "10785 Berlin"],
        TaxOffice = "Berlin für Körperschaften I",
        TaxNumber = "27/123/45678",
        ExemptionNoticeDate = new DateOnly(2024, 5, 17),
        AssessmentPeriod = "2020 bis 2022",
        Purposes = "der Hilfe für Opfer von Straftaten, der Gleichberechtigung von Frauen und Männern sowie der internationalen Gesinnung",
        SignatoryName = "Erika Mustermann",
        SignatoryFunction = "Geschäftsführerin",
        ContactEmail = "spenden@example.org",
    };

    public static ReceiptDocument Receipt(long amountCents, ReceiptKind kind = ReceiptKind.Donation) =>
        new(
            "2026-000123",
            kind,
            "Müller & Söhne GmbH",
            ["z. Hd. Frau Dr. Anna-Lena Müller-Lüdenscheidt", "Straße des 17. Juni 135", "10623 Berlin"],
            amountCents,
            new DateOnly(2026, 3, 2),
            new DateOnly(2026, 3, 3));
}
