using System.Text.RegularExpressions;
using Kok.Domain.Receipts;
using Kok.Functions.Receipts;
using UglyToad.PdfPig.Tokens;

namespace Kok.Functions.Tests.Receipts;

public partial class PdfReceiptRendererTests
{
    private const double A4Width = 595.28;
    private const double A4Height = 841.89;

    private readonly PdfReceiptRenderer renderer = new();

    public static TheoryData<long, string, string> EdgeAmounts => new()
    {
        { 100, "1,00 €", "ein Euro" },
        { 2101, "21,01 €", "einundzwanzig Euro ein Cent" },
        { 10000, "100,00 €", "einhundert Euro" },
        { 100000000, "1.000.000,00 €", "eine Million Euro" },
    };

    [Theory]
    [MemberData(nameof(EdgeAmounts))]
    public void Receipt_reads_back_with_every_passage_of_the_pattern_in_order(long cents, string figures, string words)
    {
        var organisation = ReceiptFixtures.Organisation;
        var pdf = renderer.Render(ReceiptFixtures.Receipt(cents), organisation);
        ReceiptSamples.Keep($"receipt-{cents}", pdf);

        using var readBack = new PdfReadBack(pdf);
        var text = readBack.Text;

        string[] expectedInOrder =
        [
            OfficialReceiptWording.IssuerLabel,
            "Nr. 2026-000123",
            "KOK - bundesweiter Koordinierungskreis gegen Menschenhandel e.V.",
            "Kurfürstenstraße 33",
            "10785 Berlin",
            "Bestätigung über Geldzuwendungen/Mitgliedsbeitrag",
            "im Sinne des § 10b des Einkommensteuergesetzes an eine der in § 5 Abs. 1 Nr. 9 des Körperschaftsteuergesetzes bezeichneten Körperschaften, Personenvereinigungen oder Vermögensmassen",
            "Name und Anschrift des Zuwendenden:",
            "Müller & Söhne GmbH",
            "z. Hd. Frau Dr. Anna-Lena Müller-Lüdenscheidt",
            "Straße des 17. Juni 135",
            "10623 Berlin",
            "Betrag der Zuwendung - in Ziffern -",
            "- in Buchstaben -",
            "Tag der Zuwendung:",
            figures,
            words,
            "02.03.2026",
            "Es handelt sich um den Verzicht auf Erstattung von Aufwendungen",
            "Wir sind wegen Förderung der Hilfe für Opfer von Straftaten, der Gleichberechtigung von Frauen und Männern sowie der internationalen Gesinnung nach dem Freistellungsbescheid bzw. nach der Anlage zum Körperschaftsteuerbescheid des Finanzamtes Berlin für Körperschaften I StNr. 27/123/45678, vom 17.05.2024 für den letzten Veranlagungszeitraum 2020 bis 2022 nach § 5 Abs. 1 Nr. 9 des Körperschaftsteuergesetzes von der Körperschaftsteuer und nach § 3 Nr. 6 des Gewerbesteuergesetzes von der Gewerbesteuer befreit.",
            "Es wird bestätigt, dass die Zuwendung nur zur Förderung der Hilfe für Opfer von Straftaten, der Gleichberechtigung von Frauen und Männern sowie der internationalen Gesinnung verwendet wird.",
            "Berlin, 03.03.2026",
            "(Ort, Datum und Unterschrift des Zuwendungsempfängers)",
            "Erika Mustermann, Geschäftsführerin",
            "Diese Zuwendungsbestätigung wurde maschinell erstellt und ist ohne eigenhändige Unterschrift gültig.",
            "Die maschinelle Erstellung der Zuwendungsbestätigung wurde dem zuständigen Finanzamt Berlin für Körperschaften I angezeigt.",
            "Hinweis:",
            OfficialReceiptWording.LiabilityNotice,
            OfficialReceiptWording.RecognitionNotice,
        ];
        AssertInOrder(text, expectedInOrder);

        // "Ja ☐ Nein ☒" on the Verzicht line, and the ticked exemption box left of "Wir sind wegen Förderung".
        var question = readBack.Word("Aufwendungen");
        var yes = readBack.Word("Ja");
        var no = readBack.Word("Nein");
        Assert.Equal(question.BoundingBox.Bottom, yes.BoundingBox.Bottom, 1);
        Assert.Equal(question.BoundingBox.Bottom, no.BoundingBox.Bottom, 1);
        Assert.True(question.BoundingBox.Right < yes.BoundingBox.Left && yes.BoundingBox.Right < no.BoundingBox.Left);
        Assert.Equal(0, readBack.DiagonalStrokesBeside(yes, yes.BoundingBox.Right, no.BoundingBox.Left));
        Assert.Equal(2, readBack.DiagonalStrokesBeside(no, no.BoundingBox.Right, no.BoundingBox.Right + 20));
        var exemption = readBack.Page.GetWords().First(w => w.Text == "Wir");
        Assert.Equal(2, readBack.DiagonalStrokesBeside(exemption, exemption.BoundingBox.Left - 20, exemption.BoundingBox.Left));

        // Only the passages that apply: no § 60a sentence, no non-deductible-fee confirmation, no void mark.
        Assert.DoesNotContain("§ 60a AO gesondert festgestellt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nur für steuerbegünstigte Einrichtungen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STORNIERT", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EdgeAmounts))]
    public void Receipt_is_one_a4_page(long cents, string figures, string words)
    {
        _ = (figures, words);
        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Receipt(cents), ReceiptFixtures.Organisation));

        Assert.Equal(1, readBack.Document.NumberOfPages);
        var page = readBack.Document.GetPage(1);
        Assert.Equal(A4Width, page.Width, 0.5);
        Assert.Equal(A4Height, page.Height, 0.5);
    }

    [Fact]
    public void Every_letter_lies_inside_the_page_margins()
    {
        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Receipt(99_999_999), ReceiptFixtures.Organisation));
        var page = readBack.Document.GetPage(1);

        foreach (var letter in page.Letters)
        {
            Assert.InRange(letter.BoundingBox.Left, 50, A4Width - 50);
            Assert.InRange(letter.BoundingBox.Right, 50, A4Width - 50);
            Assert.InRange(letter.BoundingBox.Bottom, 30, A4Height - 40);
        }
    }

    [Fact]
    public void Longest_amount_in_words_is_printed_whole()
    {
        const long Cents = 77_777_777; // 777.777,77 € – the longest single German number word below a million
        var pdf = renderer.Render(ReceiptFixtures.Receipt(Cents), ReceiptFixtures.Organisation);
        ReceiptSamples.Keep("receipt-longest-words", pdf);
        using var readBack = new PdfReadBack(pdf);

        // It breaks after "tausend" with a hyphen and keeps the full font size.
        var words = readBack.Page.GetWords().ToList();
        var first = Assert.Single(words, w => w.Text == "siebenhundertsiebenundsiebzigtausend-");
        var second = Assert.Single(words, w => w.Text == "siebenhundertsiebenundsiebzig");
        Assert.True(second.BoundingBox.Top < first.BoundingBox.Bottom, "second part on the next line");
        Assert.Equal(11, first.Letters[0].PointSize, 0.1);
        Assert.Contains(words, w => w.Text == "777.777,77");
        AssertInOrder(readBack.Text, ["Euro siebenundsiebzig Cent"]);
    }

    [Fact]
    public void Receipt_is_encrypted_so_it_opens_and_prints_but_cannot_be_changed()
    {
        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Receipt(2550), ReceiptFixtures.Organisation));

        Assert.True(readBack.Document.IsEncrypted);
        var permissions = readBack.Permissions;
        Assert.True(HasPermission(permissions, 3), "print");
        Assert.True(HasPermission(permissions, 12), "print in full quality");
        Assert.False(HasPermission(permissions, 4), "modify");
        Assert.False(HasPermission(permissions, 6), "add or change annotations");
        Assert.False(HasPermission(permissions, 9), "fill in forms");
        Assert.False(HasPermission(permissions, 11), "assemble");

        var encryption = readBack.EncryptionDictionary;
        Assert.Equal(4, ((NumericToken)encryption.Data["V"]).Int);
        var cryptFilter = (DictionaryToken)((DictionaryToken)encryption.Data["CF"]).Data["StdCF"];
        Assert.Equal("AESV2", ((NameToken)cryptFilter.Data["CFM"]).Data);
    }

    [Fact]
    public void Each_rendering_gets_its_own_random_owner_password()
    {
        var receipt = ReceiptFixtures.Receipt(2550);
        using var first = new PdfReadBack(renderer.Render(receipt, ReceiptFixtures.Organisation));
        using var second = new PdfReadBack(renderer.Render(receipt, ReceiptFixtures.Organisation));

        var firstOwnerKey = ((StringToken)first.EncryptionDictionary.Data["O"]).GetBytes();
        var secondOwnerKey = ((StringToken)second.EncryptionDictionary.Data["O"]).GetBytes();
        Assert.NotEqual(firstOwnerKey, secondOwnerKey);
    }

    [Fact]
    public void Membership_fee_receipt_uses_the_same_pattern()
    {
        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Receipt(5000, ReceiptKind.MembershipFee), ReceiptFixtures.Organisation));

        AssertInOrder(readBack.Text, ["Bestätigung über Geldzuwendungen/Mitgliedsbeitrag", "50,00 €", "fünfzig Euro", "02.03.2026"]);
    }

    [Fact]
    public void Where_fees_are_not_deductible_donations_carry_the_extra_confirmation_and_fees_get_no_receipt()
    {
        var organisation = ReceiptFixtures.Organisation with { MembershipFeesDeductible = false };

        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Receipt(5000), organisation));

        AssertInOrder(readBack.Text,
        [
            "verwendet wird.",
            "Nur für steuerbegünstigte Einrichtungen, bei denen die Mitgliedsbeiträge steuerlich nicht abziehbar sind:",
            "Es wird bestätigt, dass es sich nicht um einen Mitgliedsbeitrag handelt, dessen Abzug nach § 10b Abs. 1 des Einkommensteuergesetzes ausgeschlossen ist.",
            "(Ort, Datum und Unterschrift des Zuwendungsempfängers)",
        ]);
        Assert.Throws<InvalidOperationException>(() => renderer.Render(ReceiptFixtures.Receipt(5000, ReceiptKind.MembershipFee), organisation));
    }

    [Fact]
    public void Section_60a_organisations_get_the_feststellung_sentence_instead()
    {
        var organisation = ReceiptFixtures.Organisation with { ExemptionNotice = TaxExemptionNotice.Feststellungsbescheid };

        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Receipt(5000), organisation));

        Assert.Contains(
            "Die Einhaltung der satzungsmäßigen Voraussetzungen nach den §§ 51, 59, 60 und 61 AO wurde vom Finanzamt Berlin für Körperschaften I, StNr. 27/123/45678 mit Bescheid vom 17.05.2024 nach § 60a AO gesondert festgestellt.",
            readBack.Text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("nach dem Freistellungsbescheid", readBack.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawn_receipt_is_marked_void()
    {
        var withdrawn = ReceiptFixtures.Receipt(2550).Withdraw(new DateOnly(2026, 4, 1));

        var pdf = renderer.Render(withdrawn, ReceiptFixtures.Organisation);
        ReceiptSamples.Keep("receipt-withdrawn", pdf);
        using var readBack = new PdfReadBack(pdf);

        Assert.Contains("STORNIERT am 01.04.2026 – diese Zuwendungsbestätigung ist ungültig.", readBack.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unconfigured_defaults_render_with_visible_placeholders()
    {
        var pdf = renderer.Render(ReceiptFixtures.Receipt(2550), OrganisationProfile.KokDefaults);
        ReceiptSamples.Keep("receipt-defaults", pdf);
        using var readBack = new PdfReadBack(pdf);

        Assert.Equal(1, readBack.Document.NumberOfPages);
        Assert.Contains("[Finanzamt – bitte konfigurieren]", readBack.Text, StringComparison.Ordinal);
        Assert.Contains("[Datum des Bescheids – bitte konfigurieren]", readBack.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Facsimile_signature_is_printed_above_the_line()
    {
        var organisation = ReceiptFixtures.Organisation with { SignatureFacsimile = TestPng.Create(120, 40) };

        var pdf = renderer.Render(ReceiptFixtures.Receipt(2550), organisation);
        ReceiptSamples.Keep("receipt-facsimile", pdf);
        using var readBack = new PdfReadBack(pdf);

        var image = Assert.Single(readBack.Document.GetPage(1).GetImages());
        var caption = readBack.Document.GetPage(1).GetWords().First(w => w.Text == "(Ort,");
        Assert.True(image.BoundingBox.Bottom > caption.BoundingBox.Top, "signature above the caption");
    }

    [Fact]
    public void Texts_too_long_for_one_page_are_refused_rather_than_spilling_over()
    {
        var organisation = ReceiptFixtures.Organisation with { Purposes = string.Join(' ', Enumerable.Repeat("der Hilfe für Opfer von Straftaten", 120)) };

        Assert.Throws<InvalidOperationException>(() => renderer.Render(ReceiptFixtures.Receipt(2550), organisation));
    }

    [Fact]
    public void Amounts_that_fit_are_not_hyphenated()
    {
        using var readBack = new PdfReadBack(renderer.Render(ReceiptFixtures.Receipt(2_100_000), ReceiptFixtures.Organisation));

        Assert.Contains("einundzwanzigtausend Euro", readBack.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u00AD", readBack.Text, StringComparison.Ordinal);
    }

    private static bool HasPermission(int permissions, int bit) => (permissions & (1 << (bit - 1))) != 0;

    private static void AssertInOrder(string text, IReadOnlyList<string> passages)
    {
        var normalized = Whitespace().Replace(text, " ");
        var position = 0;
        foreach (var passage in passages)
        {
            var expected = Whitespace().Replace(passage, " ");
            var found = normalized.IndexOf(expected, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Missing or out of order: \"{expected}\"\nin: {normalized}");
            position = found + expected.Length;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
