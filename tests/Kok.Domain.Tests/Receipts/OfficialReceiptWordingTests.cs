using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>The sentences are compared with the pattern text (BMF 2013, Anlage 3) as transcribed in the reference.</summary>
public class OfficialReceiptWordingTests
{
    [Fact]
    public void Freistellungsbescheid_sentence_is_the_pattern_sentence_with_the_values_filled_in()
    {
        var text = OfficialReceiptWording.ExemptionStatement(ReceiptTestData.ConfiguredOrganisation);

        Assert.Equal(
            "Wir sind wegen Förderung der Hilfe für Opfer von Straftaten nach dem Freistellungsbescheid bzw. nach der "
            + "Anlage zum Körperschaftsteuerbescheid des Finanzamtes Berlin für Körperschaften I StNr. 27/123/45678, vom "
            + "17.05.2024 für den letzten Veranlagungszeitraum 2020 bis 2022 nach § 5 Abs. 1 Nr. 9 des "
            + "Körperschaftsteuergesetzes von der Körperschaftsteuer und nach § 3 Nr. 6 des Gewerbesteuergesetzes von "
            + "der Gewerbesteuer befreit.",
            text);
    }

    [Fact]
    public void Section_60a_sentence_is_used_for_a_feststellungsbescheid()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with { ExemptionNotice = TaxExemptionNotice.Feststellungsbescheid };

        var text = OfficialReceiptWording.ExemptionStatement(organisation);

        Assert.StartsWith(
            "Die Einhaltung der satzungsmäßigen Voraussetzungen nach den §§ 51, 59, 60 und 61 AO wurde vom Finanzamt "
            + "Berlin für Körperschaften I, StNr. 27/123/45678 mit Bescheid vom 17.05.2024 nach § 60a AO gesondert "
            + "festgestellt. Wir fördern nach unserer Satzung ",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Freistellungsbescheid", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_passages_match_the_pattern()
    {
        Assert.Equal("Bestätigung über Geldzuwendungen/Mitgliedsbeitrag", OfficialReceiptWording.Title);
        Assert.Equal(
            "im Sinne des § 10b des Einkommensteuergesetzes an eine der in § 5 Abs. 1 Nr. 9 des Körperschaftsteuergesetzes bezeichneten Körperschaften, Personenvereinigungen oder Vermögensmassen",
            OfficialReceiptWording.Subtitle);
        Assert.Equal(
            "Es wird bestätigt, dass die Zuwendung nur zur Förderung der Hilfe für Opfer von Straftaten verwendet wird.",
            OfficialReceiptWording.UseOfFundsStatement(ReceiptTestData.ConfiguredOrganisation));
        Assert.Equal(
            "Wer vorsätzlich oder grob fahrlässig eine unrichtige Zuwendungsbestätigung erstellt oder veranlasst, dass Zuwendungen nicht zu den in der Zuwendungsbestätigung angegebenen steuerbegünstigten Zwecken verwendet werden, haftet für die entgangene Steuer (§ 10b Abs. 4 EStG, § 9 Abs. 3 KStG, § 9 Nr. 5 GewStG).",
            OfficialReceiptWording.LiabilityNotice);
        Assert.Equal(
            "Diese Bestätigung wird nicht als Nachweis für die steuerliche Berücksichtigung der Zuwendung anerkannt, wenn das Datum des Freistellungsbescheides länger als 5 Jahre bzw. das Datum der Feststellung der Einhaltung der satzungsmäßigen Voraussetzungen nach § 60a Abs. 1 AO länger als 3 Jahre seit Ausstellung des Bescheides zurückliegt (§ 63 Abs. 5 AO).",
            OfficialReceiptWording.RecognitionNotice);
        Assert.Equal("Berlin, 03.03.2026", OfficialReceiptWording.PlaceAndDate(ReceiptTestData.ConfiguredOrganisation, new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void Wording_avoids_the_misspellings_seen_in_the_wild()
    {
        var all = string.Join(' ', OfficialReceiptWording.Subtitle, OfficialReceiptWording.LiabilityNotice,
            OfficialReceiptWording.NonDeductibleFeesStatement, OfficialReceiptWording.ExemptionStatement(ReceiptTestData.ConfiguredOrganisation));

        Assert.DoesNotContain("Einkommenssteuer", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Körperschaftssteuer", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Absatz", all, StringComparison.Ordinal);
        Assert.DoesNotContain("§ 10 b", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Machine_made_statements_name_the_finanzamt()
    {
        var statements = OfficialReceiptWording.MachineMadeStatements(ReceiptTestData.ConfiguredOrganisation);

        Assert.Contains("Diese Zuwendungsbestätigung wurde maschinell erstellt und ist ohne eigenhändige Unterschrift gültig.", statements);
        Assert.Contains("Die maschinelle Erstellung der Zuwendungsbestätigung wurde dem zuständigen Finanzamt Berlin für Körperschaften I angezeigt.", statements);
    }

    [Fact]
    public void Sammelbestaetigung_passages_match_pattern_b()
    {
        Assert.Equal("Sammelbestätigung über Geldzuwendungen/Mitgliedsbeiträge", OfficialReceiptWording.AnnualTitle);
        Assert.Equal("Gesamtbetrag der Zuwendung - in Ziffern -", OfficialReceiptWording.TotalInFiguresLabel);
        Assert.Equal("- in Buchstaben -", OfficialReceiptWording.AmountInWordsLabel);
        Assert.Equal("Zeitraum der Sammelbestätigung:", OfficialReceiptWording.PeriodLabel);
        Assert.Equal(
            "Es wird bestätigt, dass über die in der Gesamtsumme enthaltenen Zuwendungen keine weiteren Bestätigungen, weder formelle Zuwendungsbestätigungen noch Beitragsquittungen oder ähnliches ausgestellt wurden und werden.",
            OfficialReceiptWording.NoFurtherConfirmations);
        Assert.Equal(
            "Ob es sich um den Verzicht auf Erstattung von Aufwendungen handelt, ist der Anlage zur Sammelbestätigung zu entnehmen.",
            OfficialReceiptWording.WaiverInAnnex);
        Assert.Equal("Anlage zur Sammelbestätigung vom 15.01.2026", OfficialReceiptWording.AnnexHeading(new DateOnly(2026, 1, 15)));
        Assert.Equal(
            ["Datum der Zuwendung", "Art der Zuwendung (Geldzuwendung/Mitgliedsbeitrag)", "Verzicht auf die Erstattung von Aufwendungen (ja/nein)", "Betrag"],
            [OfficialReceiptWording.AnnexDateColumn, OfficialReceiptWording.AnnexKindColumn, OfficialReceiptWording.AnnexWaiverColumn, OfficialReceiptWording.AnnexAmountColumn]);
        Assert.Equal("Gesamtsumme", OfficialReceiptWording.AnnexTotal);
        Assert.Equal(("Geldzuwendung", "Mitgliedsbeitrag"), (OfficialReceiptWording.KindName(ReceiptKind.Donation), OfficialReceiptWording.KindName(ReceiptKind.MembershipFee)));
        Assert.Equal(("ja", "nein"), (OfficialReceiptWording.WaiverAnswer(true), OfficialReceiptWording.WaiverAnswer(false)));
    }

    [Fact]
    public void Markings_say_what_a_print_is()
    {
        Assert.Equal("Zweitschrift", OfficialReceiptWording.CopyMarker);
        Assert.Equal("Entwurf — keine gültige Zuwendungsbestätigung", OfficialReceiptWording.DraftMarker);
        Assert.Equal("Seite 2 von 3", OfficialReceiptWording.PageOf(2, 3));
        Assert.Equal(
            "STORNIERT am 01.04.2026 – diese Zuwendungsbestätigung ist ungültig. Ersetzt durch Nr. 2026-000009.",
            OfficialReceiptWording.WithdrawnMarker(new DateOnly(2026, 4, 1), "2026-000009"));
        Assert.Equal(
            "Diese Zuwendungsbestätigung ersetzt die stornierte Zuwendungsbestätigung Nr. 2026-000007.",
            OfficialReceiptWording.ReplacesStatement("2026-000007"));
    }
}
