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

    /// <summary>The donor of the golden tests: umlauts and ß in name and address.</summary>
    public static ReceiptDonor Donor { get; } = new("Jürgen Weiß-Großmann", ["Königstraße 5", "12345 Groß Köris"]);

    public static DateOnly AnnualIssueDate { get; } = new(2026, 1, 15);

    /// <summary>A Sammelbestätigung for 2025 of <see cref="Donor"/>, issued 15.01.2026 as 2026-000042.</summary>
    public static ReceiptDocument Annual(IReadOnlyList<ReceiptLine> lines, OrganisationProfile? issuer = null) =>
        AnnualRequest(lines, issuer).ToDocument("2026-000042");

    public static AnnualReceiptIssueRequest AnnualRequest(IReadOnlyList<ReceiptLine> lines, OrganisationProfile? issuer = null) => new(
        AnnualReceiptSubject.CalendarYear(new ReceiptDonorKey("donor-golden"), 2025),
        Donor,
        lines.Select((line, i) => new AnnualReceiptPayment(
            ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, "don_golden", $"pay_{i:000}"), line.PaymentDate, line.Kind, line.AmountCents)).ToList(),
        AnnualIssueDate,
        issuer ?? Organisation);

    /// <summary><paramref name="count"/> monthly-style payments in 2025 summing to <paramref name="totalCents"/>.</summary>
    public static IReadOnlyList<ReceiptLine> Lines(int count, long totalCents)
    {
        var each = totalCents / count;
        return Enumerable.Range(0, count)
            .Select(i => new ReceiptLine(
                new DateOnly(2025, 1, 1).AddDays(i * 364 / count),
                i % 5 == 4 ? ReceiptKind.MembershipFee : ReceiptKind.Donation,
                i == count - 1 ? totalCents - (each * (count - 1)) : each))
            .ToList();
    }
}
