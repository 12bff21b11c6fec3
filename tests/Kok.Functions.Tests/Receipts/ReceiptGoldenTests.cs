using System.Text.RegularExpressions;
using Kok.Domain.Receipts;
using Kok.Functions.Receipts;

namespace Kok.Functions.Tests.Receipts;

/// <summary>
/// Golden tests: the rendered PDFs read back with PdfPig, page by page in drawing order, and compared line by line
/// with the official patterns as /work/shared/reference/zuwendungsbestaetigung.md gives them: (a) the
/// Einzelbestätigung, (b) the Sammelbestätigung with its Anlage. The expected lines below keep the reference's wording
/// and line breaks with the placeholders filled in; "☐" stands for a drawn tick box, the dotted signature line for
/// "Ort, Datum" above the drawn line. Lines marked "not in the pattern" are what the receipt adds around it: the
/// number, the signatory's name, the machine-made notice (R 10b.1 Abs. 4 EStR), the page line.
/// </summary>
public partial class ReceiptGoldenTests
{
    private const string Number = "2026-000042";

    private readonly PdfReceiptRenderer renderer = new();

    public static TheoryData<long, string, string> Amounts => new()
    {
        { 1, "0,01 €", "ein Cent" },
        { 100, "1,00 €", "ein Euro" },
        { 1_234_567, "12.345,67 €", "zwölftausenddreihundertfünfundvierzig Euro siebenundsechzig Cent" },
        { 100_000_000, "1.000.000,00 €", "eine Million Euro" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Einzelbestaetigung_reads_back_as_pattern_a_line_by_line(long cents, string figures, string words)
    {
        var document = new ReceiptDocument(
            "2026-000123", ReceiptKind.Donation, ReceiptFixtures.Donor.Name, ReceiptFixtures.Donor.AddressLines, cents, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));

        var pdf = renderer.Render(document, ReceiptFixtures.Organisation);
        ReceiptSamples.Keep($"golden-single-{cents}", pdf);
        using var readBack = new PdfReadBack(pdf);

        Assert.Equal(1, readBack.Document.NumberOfPages);
        AssertLines(SinglePage(figures, words), readBack.DrawnText(1));
    }

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Sammelbestaetigung_with_one_payment_reads_back_as_pattern_b_with_its_anlage(long cents, string figures, string words)
    {
        var document = ReceiptFixtures.Annual([new ReceiptLine(new DateOnly(2025, 6, 30), ReceiptKind.Donation, cents)]);

        var pdf = renderer.Render(document, ReceiptFixtures.Organisation);
        ReceiptSamples.Keep($"golden-annual-1-{cents}", pdf);
        using var readBack = new PdfReadBack(pdf);

        Assert.Equal(2, readBack.Document.NumberOfPages);
        AssertLines(AnnualFrontPage(figures, words, pages: 2), readBack.DrawnText(1));
        AssertLines([.. AnnexHead(), "30.06.2025", "Geldzuwendung", "nein", figures, "Gesamtsumme", figures, .. PageLine(2, 2)], readBack.DrawnText(2));
    }

    [Fact]
    public void Sammelbestaetigung_with_twelve_payments_lists_each_with_the_total_of_page_1()
    {
        var lines = ReceiptFixtures.Lines(12, 1_234_567);
        var document = ReceiptFixtures.Annual(lines);

        var pdf = renderer.Render(document, ReceiptFixtures.Organisation);
        ReceiptSamples.Keep("golden-annual-12", pdf);
        using var readBack = new PdfReadBack(pdf);

        Assert.Equal(2, readBack.Document.NumberOfPages);
        AssertLines(AnnualFrontPage("12.345,67 €", "zwölftausenddreihundertfünfundvierzig Euro siebenundsechzig Cent", pages: 2), readBack.DrawnText(1));
        AssertLines([.. AnnexHead(), .. lines.SelectMany(Row), "Gesamtsumme", "12.345,67 €", .. PageLine(2, 2)], readBack.DrawnText(2));
        Assert.Contains(lines, l => l.Kind == ReceiptKind.MembershipFee);
    }

    [Fact]
    public void Sammelbestaetigung_with_sixty_payments_runs_over_several_anlage_pages_each_with_header_number_and_page()
    {
        var lines = ReceiptFixtures.Lines(60, 360_000);
        var document = ReceiptFixtures.Annual(lines);

        var pdf = renderer.Render(document, ReceiptFixtures.Organisation);
        ReceiptSamples.Keep("golden-annual-60", pdf);
        using var readBack = new PdfReadBack(pdf);

        var pages = readBack.Document.NumberOfPages;
        Assert.True(pages >= 3, $"{pages} pages");
        AssertLines(AnnualFrontPage("3.600,00 €", "dreitausendsechshundert Euro", pages), readBack.DrawnText(1));

        // Each Anlage page: heading, number, donor, the header row again; rows; the page line. The total only last.
        var rows = new List<string>();
        for (var page = 2; page <= pages; page++)
        {
            var text = readBack.DrawnText(page);
            var head = Normalize(string.Join(' ', AnnexHead()));
            var foot = Normalize(string.Join(' ', PageLine(page, pages)));
            Assert.StartsWith(head + " ", text, StringComparison.Ordinal);
            Assert.EndsWith(" " + foot, text, StringComparison.Ordinal);
            var body = text[(head.Length + 1)..^(foot.Length + 1)];
            Assert.True(body.Length > 0, $"page {page} lists payments");
            rows.Add(body);
        }

        var expectedRows = Normalize(string.Join(' ', lines.SelectMany(Row).Concat(["Gesamtsumme", "3.600,00 €"])));
        Assert.Equal(expectedRows, string.Join(' ', rows));
        Assert.EndsWith("Gesamtsumme 3.600,00 €", rows[^1], StringComparison.Ordinal);
        Assert.All(rows.SkipLast(1), r => Assert.DoesNotContain("Gesamtsumme", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Zweitschrift_reproduces_the_frozen_original_after_the_settings_changed_and_is_marked_on_every_page()
    {
        var document = ReceiptFixtures.Annual(ReceiptFixtures.Lines(60, 360_000));
        var changed = ReceiptFixtures.Organisation with
        {
            Name = "KOK e.V. (neuer Name)",
            TaxOffice = "Finanzamt Neu",
            ExemptionNoticeDate = new DateOnly(2030, 1, 1),
            SignatoryName = "Neue Vorständin",
        };
        using var original = new PdfReadBack(renderer.Render(document, ReceiptFixtures.Organisation));

        var pdf = renderer.Render(document, changed, ReceiptPrint.Zweitschrift);
        ReceiptSamples.Keep("golden-annual-zweitschrift", pdf);
        using var copy = new PdfReadBack(pdf);

        Assert.Equal(original.Document.NumberOfPages, copy.Document.NumberOfPages);
        for (var page = 1; page <= copy.Document.NumberOfPages; page++)
        {
            Assert.Equal(original.DrawnText(page) + " Zweitschrift", copy.DrawnText(page));
        }

        Assert.DoesNotContain("Neue Vorständin", copy.DrawnText(1), StringComparison.Ordinal);
    }

    [Fact]
    public void Zweitschrift_of_an_einzelbestaetigung_is_its_text_plus_the_mark()
    {
        var document = new ReceiptDocument(
            "2026-000123", ReceiptKind.Donation, ReceiptFixtures.Donor.Name, ReceiptFixtures.Donor.AddressLines, 1_234_567, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3));
        var request = new ReceiptIssueRequest(
            ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, "don_golden", "pay_1"), ReceiptKind.Donation, ReceiptFixtures.Donor.Name, ReceiptFixtures.Donor.AddressLines,
            1_234_567, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3))
        {
            Issuer = ReceiptFixtures.Organisation,
        };
        var frozen = request.ToDocument("2026-000123");

        using var copy = new PdfReadBack(renderer.Render(frozen, ReceiptFixtures.Organisation with { City = "Potsdam" }, ReceiptPrint.Zweitschrift));

        AssertLines([.. SinglePage("12.345,67 €", "zwölftausenddreihundertfünfundvierzig Euro siebenundsechzig Cent"), "Zweitschrift"], copy.DrawnText(1));
        using var legacy = new PdfReadBack(renderer.Render(document, ReceiptFixtures.Organisation with { City = "Potsdam" }));
        Assert.Contains("Potsdam, 03.03.2026", legacy.DrawnText(1), StringComparison.Ordinal);
    }

    [Fact]
    public void Storniert_marks_every_page_of_a_withdrawn_sammelbestaetigung_and_names_its_correction()
    {
        var document = ReceiptFixtures.Annual(ReceiptFixtures.Lines(60, 360_000))
            .Withdraw(new ReceiptWithdrawal(new DateOnly(2026, 2, 3), "Zahlung erstattet"))
            .ReplacedWith("2026-000077");
        using var original = new PdfReadBack(renderer.Render(ReceiptFixtures.Annual(ReceiptFixtures.Lines(60, 360_000)), ReceiptFixtures.Organisation));

        var pdf = renderer.Render(document, ReceiptFixtures.Organisation);
        ReceiptSamples.Keep("golden-annual-storniert", pdf);
        using var readBack = new PdfReadBack(pdf);

        for (var page = 1; page <= readBack.Document.NumberOfPages; page++)
        {
            Assert.Equal(
                original.DrawnText(page) + " STORNIERT STORNIERT am 03.02.2026 – diese Zuwendungsbestätigung ist ungültig. Ersetzt durch Nr. 2026-000077.",
                readBack.DrawnText(page));
        }
    }

    [Fact]
    public void Storniert_einzelbestaetigung_keeps_its_mark()
    {
        var document = new ReceiptDocument(
            "2026-000123", ReceiptKind.Donation, ReceiptFixtures.Donor.Name, ReceiptFixtures.Donor.AddressLines, 100, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3))
            .Withdraw(new DateOnly(2026, 4, 1));

        using var readBack = new PdfReadBack(renderer.Render(document, ReceiptFixtures.Organisation));

        AssertLines([.. SinglePage("1,00 €", "ein Euro"), "STORNIERT", "STORNIERT am 01.04.2026 – diese Zuwendungsbestätigung ist ungültig."], readBack.DrawnText(1));
    }

    [Fact]
    public void Entwurf_has_no_number_and_is_marked_across_every_page()
    {
        var draft = ReceiptFixtures.AnnualRequest(ReceiptFixtures.Lines(60, 360_000)).ToDraft();

        var pdf = renderer.Render(draft, ReceiptFixtures.Organisation);
        ReceiptSamples.Keep("golden-annual-entwurf", pdf);
        using var readBack = new PdfReadBack(pdf);

        Assert.True(readBack.Document.NumberOfPages >= 3);
        for (var page = 1; page <= readBack.Document.NumberOfPages; page++)
        {
            var text = readBack.DrawnText(page);
            Assert.EndsWith(" Entwurf — keine gültige Zuwendungsbestätigung", text, StringComparison.Ordinal);
            Assert.Contains("Nr. [Entwurf – ohne Nummer]", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(NumberPattern(), text);
        }

        Assert.Throws<InvalidOperationException>(() => renderer.Render(draft, ReceiptFixtures.Organisation, ReceiptPrint.Zweitschrift));
    }

    [Fact]
    public void Where_fees_are_not_deductible_the_sammelbestaetigung_carries_the_box_and_refuses_fee_lines()
    {
        var organisation = ReceiptFixtures.Organisation with { MembershipFeesDeductible = false };
        var lines = new[] { new ReceiptLine(new DateOnly(2025, 3, 1), ReceiptKind.Donation, 5000) };

        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Annual(lines, organisation), organisation));

        AssertLines(AnnualFrontPage("50,00 €", "fünfzig Euro", pages: 2, feesDeductible: false), readBack.DrawnText(1));
        Assert.Throws<ReceiptsUnavailableException>(() => ReceiptFixtures.Annual(ReceiptFixtures.Lines(12, 120_000), organisation));
    }

    [Fact]
    public void A_correction_names_the_receipt_it_replaces()
    {
        var document = ReceiptFixtures.AnnualRequest(ReceiptFixtures.Lines(12, 1_234_567)).ToDocument("2026-000077", replaces: Number);

        using var readBack = new PdfReadBack(renderer.Render(document, ReceiptFixtures.Organisation));

        Assert.Contains(
            "angezeigt. Diese Zuwendungsbestätigung ersetzt die stornierte Zuwendungsbestätigung Nr. 2026-000042. Hinweis:",
            readBack.DrawnText(1),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_is_a4_with_fonts_embedded_and_edit_protected()
    {
        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Annual(ReceiptFixtures.Lines(60, 360_000)), ReceiptFixtures.Organisation));

        Assert.True(readBack.Document.IsEncrypted);
        Assert.Equal(0, readBack.Permissions & (1 << 3)); // no modify
        for (var page = 1; page <= readBack.Document.NumberOfPages; page++)
        {
            var p = readBack.Document.GetPage(page);
            Assert.Equal(595.28, p.Width, 0.5);
            Assert.Equal(841.89, p.Height, 0.5);
            Assert.All(p.Letters, l => Assert.InRange(l.BoundingBox.Bottom, 20, 841.89 - 40));
            Assert.All(p.Letters, l => Assert.Matches("^[A-Z]{6}[+]Liberation Sans", l.FontName ?? string.Empty)); // a subset tag: embedded
        }
    }

    private static IEnumerable<string> Row(ReceiptLine line) =>
    [
        GermanDate.Format(line.PaymentDate),
        line.Kind == ReceiptKind.Donation ? "Geldzuwendung" : "Mitgliedsbeitrag",
        "nein",
        GermanAmountInFigures.Format(line.AmountCents),
    ];

    /// <summary>Pattern (a), as the reference gives it, filled in.</summary>
    private static string[] SinglePage(string figures, string words) =>
    [
        "Nr. 2026-000123", // not in the pattern: the receipt number
        "Aussteller (Bezeichnung und Anschrift der steuerbegünstigten Einrichtung)",
        "KOK - bundesweiter Koordinierungskreis gegen Menschenhandel e.V.",
        "Kurfürstenstraße 33",
        "10785 Berlin",
        "Bestätigung über Geldzuwendungen/Mitgliedsbeitrag",
        "im Sinne des § 10b des Einkommensteuergesetzes an eine der in § 5 Abs. 1 Nr. 9 des",
        "Körperschaftsteuergesetzes bezeichneten Körperschaften, Personenvereinigungen oder",
        "Vermögensmassen",
        "Name und Anschrift des Zuwendenden:",
        "Jürgen Weiß-Großmann",
        "Königstraße 5",
        "12345 Groß Köris",
        "Betrag der Zuwendung - in Ziffern -     - in Buchstaben -           Tag der Zuwendung:",
        $"{figures}                     {words}      02.03.2026",
        "Es handelt sich um den Verzicht auf Erstattung von Aufwendungen     Ja ☐     Nein ☐",
        .. ExemptionAndPurpose(),
        "Berlin, 03.03.2026",
        "(Ort, Datum und Unterschrift des Zuwendungsempfängers)",
        .. Signatory(),
        .. Notices(),
    ];

    /// <summary>Page 1 of pattern (b), as the reference gives it, filled in.</summary>
    private static string[] AnnualFrontPage(string figures, string words, int pages, bool feesDeductible = true) =>
    [
        "Nr. 2026-000042", // not in the pattern: the receipt number
        "Aussteller (Bezeichnung und Anschrift der steuerbegünstigten Einrichtung)",
        "KOK - bundesweiter Koordinierungskreis gegen Menschenhandel e.V.",
        "Kurfürstenstraße 33",
        "10785 Berlin",
        "Sammelbestätigung über Geldzuwendungen/Mitgliedsbeiträge",
        "im Sinne des § 10b des Einkommensteuergesetzes an eine der in § 5 Abs. 1 Nr. 9 des",
        "Körperschaftsteuergesetzes bezeichneten Körperschaften, Personenvereinigungen oder",
        "Vermögensmassen",
        "Name und Anschrift des Zuwendenden:",
        "Jürgen Weiß-Großmann",
        "Königstraße 5",
        "12345 Groß Köris",
        "Gesamtbetrag der Zuwendung - in Ziffern -   - in Buchstaben -        Zeitraum der Sammelbestätigung:",
        $"{figures}                   {words}   01.01.2025 bis 31.12.2025",
        .. ExemptionAndPurpose(),
        .. feesDeductible
            ? Array.Empty<string>()
            :
            [
                "Nur für steuerbegünstigte Einrichtungen, bei denen die Mitgliedsbeiträge steuerlich",
                "nicht abziehbar sind:",
                "☐ Es wird bestätigt, dass es sich nicht um einen Mitgliedsbeitrag handelt, dessen Abzug",
                "  nach § 10b Abs. 1 des Einkommensteuergesetzes ausgeschlossen ist.",
            ],
        "Es wird bestätigt, dass über die in der Gesamtsumme enthaltenen Zuwendungen keine weiteren",
        "Bestätigungen, weder formelle Zuwendungsbestätigungen noch Beitragsquittungen oder",
        "ähnliches ausgestellt wurden und werden.",
        "Ob es sich um den Verzicht auf Erstattung von Aufwendungen handelt, ist der Anlage zur",
        "Sammelbestätigung zu entnehmen.",
        "Berlin, 15.01.2026",
        "(Ort, Datum und Unterschrift des Zuwendungsempfängers)",
        .. Signatory(),
        .. Notices(),
        .. PageLine(1, pages),
    ];

    /// <summary>
    /// The ticked Freistellungsbescheid box and the purpose. The § 60a AO box is left out: only the passage that
    /// applies is printed (BMF Nr. 1).
    /// </summary>
    private static string[] ExemptionAndPurpose() =>
    [
        "☐ Wir sind wegen Förderung der Hilfe für Opfer von Straftaten, der Gleichberechtigung von Frauen und Männern sowie der internationalen Gesinnung nach dem Freistellungsbescheid bzw.",
        "  nach der Anlage zum Körperschaftsteuerbescheid des Finanzamtes Berlin für Körperschaften I",
        "  StNr. 27/123/45678, vom 17.05.2024 für den letzten Veranlagungszeitraum",
        "  2020 bis 2022 nach § 5 Abs. 1 Nr. 9 des Körperschaftsteuergesetzes von der",
        "  Körperschaftsteuer und nach § 3 Nr. 6 des Gewerbesteuergesetzes von der Gewerbesteuer",
        "  befreit.",
        "Es wird bestätigt, dass die Zuwendung nur zur Förderung der Hilfe für Opfer von Straftaten, der Gleichberechtigung von Frauen und Männern sowie der internationalen Gesinnung",
        "verwendet wird.",
    ];

    private static string[] Signatory() =>
    [
        "Erika Mustermann, Geschäftsführerin", // not in the pattern: who signed (the facsimile's name)
        "Diese Zuwendungsbestätigung wurde maschinell erstellt und ist ohne eigenhändige Unterschrift gültig.", // R 10b.1 Abs. 4 EStR
        "Die maschinelle Erstellung der Zuwendungsbestätigung wurde dem zuständigen Finanzamt Berlin für Körperschaften I angezeigt.",
    ];

    private static string[] Notices() =>
    [
        "Hinweis:",
        "Wer vorsätzlich oder grob fahrlässig eine unrichtige Zuwendungsbestätigung erstellt oder",
        "veranlasst, dass Zuwendungen nicht zu den in der Zuwendungsbestätigung angegebenen",
        "steuerbegünstigten Zwecken verwendet werden, haftet für die entgangene Steuer (§ 10b Abs. 4",
        "EStG, § 9 Abs. 3 KStG, § 9 Nr. 5 GewStG).",
        "Diese Bestätigung wird nicht als Nachweis für die steuerliche Berücksichtigung der",
        "Zuwendung anerkannt, wenn das Datum des Freistellungsbescheides länger als 5 Jahre bzw. das",
        "Datum der Feststellung der Einhaltung der satzungsmäßigen Voraussetzungen nach § 60a Abs. 1",
        "AO länger als 3 Jahre seit Ausstellung des Bescheides zurückliegt (§ 63 Abs. 5 AO).",
    ];

    /// <summary>The head of every Anlage page: the pattern's heading "vom" the issue date, the number, the donor, the header row.</summary>
    private static string[] AnnexHead() =>
    [
        "Anlage zur Sammelbestätigung vom 15.01.2026",
        "Nr. 2026-000042",
        "Jürgen Weiß-Großmann",
        "Datum der Zuwendung",
        "Art der Zuwendung (Geldzuwendung/Mitgliedsbeitrag)",
        "Verzicht auf die Erstattung von Aufwendungen (ja/nein)",
        "Betrag",
    ];

    /// <summary>Not in the pattern: the number and page on every page of a Sammelbestätigung.</summary>
    private static string[] PageLine(int page, int pages) => [$"Sammelbestätigung Nr. {Number}", $"Seite {page} von {pages}"];

    /// <summary>
    /// Compares the page's text with the expected lines in order, reporting the first line that differs. Tick boxes
    /// ("☐") are drawn, not text; a number word broken after "tausend" at a line end reads back hyphenated.
    /// </summary>
    private static void AssertLines(IReadOnlyList<string> expectedLines, string actual)
    {
        var text = LayoutHyphen().Replace(actual, string.Empty);
        var position = 0;
        foreach (var line in expectedLines)
        {
            var expected = Normalize(line);
            if (expected.Length == 0)
            {
                continue;
            }

            var found = text.AsSpan(position).StartsWith(expected, StringComparison.Ordinal);
            Assert.True(found, $"Expected line: \"{expected}\"\nfound instead: \"{text[position..Math.Min(text.Length, position + expected.Length + 40)]}\"");
            position += expected.Length;
            if (position < text.Length)
            {
                Assert.Equal(' ', text[position]);
                position++;
            }
        }

        Assert.True(position >= text.Length, $"Unexpected text after the last line: \"{text[position..]}\"");
    }

    private static string Normalize(string text) => Whitespace().Replace(text.Replace("☐", string.Empty, StringComparison.Ordinal), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=tausend)- ")]
    private static partial Regex LayoutHyphen();

    [GeneratedRegex(@"\b20[0-9]{2}-[0-9]{6}\b")]
    private static partial Regex NumberPattern();
}
