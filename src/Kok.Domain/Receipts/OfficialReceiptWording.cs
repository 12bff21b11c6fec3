namespace Kok.Domain.Receipts;

/// <summary>
/// The text passages of the official patterns "Bestätigung über Geldzuwendungen/Mitgliedsbeitrag" (Einzelbestätigung,
/// BMF-Schreiben vom 7.11.2013, BStBl I S. 1333, Anlage 3; form 034122) and "Sammelbestätigung über
/// Geldzuwendungen/Mitgliedsbeiträge" with its "Anlage zur Sammelbestätigung" (Anlage 14), in their prescribed order.
/// The BMF letter forbids rewording and reordering them (Nr. 2), so renderers take every sentence from here and only
/// lay them out; fill-in values are inserted where the pattern has dotted lines.
/// </summary>
public static class OfficialReceiptWording
{
    public const string IssuerLabel = "Aussteller (Bezeichnung und Anschrift der steuerbegünstigten Einrichtung)";

    public const string Title = "Bestätigung über Geldzuwendungen/Mitgliedsbeitrag";

    public const string Subtitle =
        "im Sinne des § 10b des Einkommensteuergesetzes an eine der in § 5 Abs. 1 Nr. 9 des Körperschaftsteuergesetzes "
        + "bezeichneten Körperschaften, Personenvereinigungen oder Vermögensmassen";

    public const string DonorLabel = "Name und Anschrift des Zuwendenden:";

    public const string AmountInFiguresLabel = "Betrag der Zuwendung - in Ziffern -";

    public const string AmountInWordsLabel = "- in Buchstaben -";

    public const string PaymentDateLabel = "Tag der Zuwendung:";

    /// <summary>Must stay on every money receipt, followed by the boxes "Ja" and "Nein".</summary>
    public const string WaiverQuestion = "Es handelt sich um den Verzicht auf Erstattung von Aufwendungen";

    public const string Yes = "Ja";

    public const string No = "Nein";

    /// <summary>Printed, with its box ticked, only where membership fees are not deductible.</summary>
    public const string NonDeductibleFeesHeading =
        "Nur für steuerbegünstigte Einrichtungen, bei denen die Mitgliedsbeiträge steuerlich nicht abziehbar sind:";

    public const string NonDeductibleFeesStatement =
        "Es wird bestätigt, dass es sich nicht um einen Mitgliedsbeitrag handelt, dessen Abzug nach § 10b Abs. 1 des "
        + "Einkommensteuergesetzes ausgeschlossen ist.";

    public const string SignatureCaption = "(Ort, Datum und Unterschrift des Zuwendungsempfängers)";

    public const string NoticeHeading = "Hinweis:";

    public const string LiabilityNotice =
        "Wer vorsätzlich oder grob fahrlässig eine unrichtige Zuwendungsbestätigung erstellt oder veranlasst, dass "
        + "Zuwendungen nicht zu den in der Zuwendungsbestätigung angegebenen steuerbegünstigten Zwecken verwendet "
        + "werden, haftet für die entgangene Steuer (§ 10b Abs. 4 EStG, § 9 Abs. 3 KStG, § 9 Nr. 5 GewStG).";

    public const string RecognitionNotice =
        "Diese Bestätigung wird nicht als Nachweis für die steuerliche Berücksichtigung der Zuwendung anerkannt, wenn "
        + "das Datum des Freistellungsbescheides länger als 5 Jahre bzw. das Datum der Feststellung der Einhaltung der "
        + "satzungsmäßigen Voraussetzungen nach § 60a Abs. 1 AO länger als 3 Jahre seit Ausstellung des Bescheides "
        + "zurückliegt (§ 63 Abs. 5 AO).";

    /// <summary>
    /// The ticked exemption passage: the Freistellungsbescheid sentence, or the § 60a AO sentence. Only the one that
    /// applies is printed (BMF Nr. 1: only the relevant passages).
    /// </summary>
    public static string ExemptionStatement(OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.ExemptionNotice == TaxExemptionNotice.Freistellungsbescheid
            ? $"Wir sind wegen Förderung {organisation.Purposes} nach dem Freistellungsbescheid bzw. nach der Anlage zum "
              + $"Körperschaftsteuerbescheid des Finanzamtes {organisation.TaxOffice} StNr. {organisation.TaxNumber}, "
              + $"vom {organisation.ExemptionNoticeDateText} für den letzten Veranlagungszeitraum "
              + $"{organisation.AssessmentPeriod} nach § 5 Abs. 1 Nr. 9 des Körperschaftsteuergesetzes von der "
              + "Körperschaftsteuer und nach § 3 Nr. 6 des Gewerbesteuergesetzes von der Gewerbesteuer befreit."
            : "Die Einhaltung der satzungsmäßigen Voraussetzungen nach den §§ 51, 59, 60 und 61 AO wurde vom Finanzamt "
              + $"{organisation.TaxOffice}, StNr. {organisation.TaxNumber} mit Bescheid vom "
              + $"{organisation.ExemptionNoticeDateText} nach § 60a AO gesondert festgestellt. Wir fördern nach unserer "
              + $"Satzung die Förderung {organisation.Purposes}.";
    }

    public static string UseOfFundsStatement(OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return $"Es wird bestätigt, dass die Zuwendung nur zur Förderung {organisation.Purposes} verwendet wird.";
    }

    /// <summary>"Berlin, 15.01.2026": the Ort and Datum above the signature line.</summary>
    public static string PlaceAndDate(OrganisationProfile organisation, DateOnly issueDate)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return $"{organisation.City}, {GermanDate.Format(issueDate)}";
    }

    /// <summary>
    /// Statements for a receipt made by machine without handwritten signature (R 10b.1 Abs. 4 EStR): that this is
    /// so, and that the procedure was notified to the Finanzamt. No official wording exists; this follows common
    /// practice.
    /// </summary>
    public static IReadOnlyList<string> MachineMadeStatements(OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return
        [
            "Diese Zuwendungsbestätigung wurde maschinell erstellt und ist ohne eigenhändige Unterschrift gültig.",
            $"Die maschinelle Erstellung der Zuwendungsbestätigung wurde dem zuständigen Finanzamt {organisation.TaxOffice} angezeigt.",
        ];
    }

    /// <summary>Marker on a copy of a cancelled receipt, so it cannot be mistaken for a valid one.</summary>
    public static string WithdrawnMarker(DateOnly withdrawnOn) =>
        $"STORNIERT am {GermanDate.Format(withdrawnOn)} – diese Zuwendungsbestätigung ist ungültig.";

    /// <summary>The void marker of a withdrawn receipt, naming its correction when there is one.</summary>
    public static string WithdrawnMarker(DateOnly withdrawnOn, string? replacedBy) => replacedBy is null
        ? WithdrawnMarker(withdrawnOn)
        : $"{WithdrawnMarker(withdrawnOn)} Ersetzt durch Nr. {replacedBy}.";

    /// <summary>Printed on a correction (outside the pattern's passages, like the number).</summary>
    public static string ReplacesStatement(string withdrawnNumber) =>
        $"Diese Zuwendungsbestätigung ersetzt die stornierte Zuwendungsbestätigung Nr. {withdrawnNumber}.";

    /// <summary>Marks every page of a copy reproducing an issued receipt (same number, dates, data, signatory).</summary>
    public const string CopyMarker = "Zweitschrift";

    /// <summary>Across every page of a staff preview, which has no number and can never pass for a receipt.</summary>
    public const string DraftMarker = "Entwurf — keine gültige Zuwendungsbestätigung";

    /// <summary>"Seite 2 von 3", on every page of a Sammelbestätigung with its number.</summary>
    public static string PageOf(int page, int pages) => $"Seite {page} von {pages}";

    /// <summary>The receipt number line of the pages of a Sammelbestätigung.</summary>
    public static string AnnualNumberLine(string number) => $"Sammelbestätigung Nr. {number}";

    // Sammelbestätigung (BMF 2013, Anlage 14): the passages that differ from the Einzelbestätigung, in their order.

    public const string AnnualTitle = "Sammelbestätigung über Geldzuwendungen/Mitgliedsbeiträge";

    public const string TotalInFiguresLabel = "Gesamtbetrag der Zuwendung - in Ziffern -";

    public const string PeriodLabel = "Zeitraum der Sammelbestätigung:";

    /// <summary>Mandatory on every Sammelbestätigung; lower-case "ähnliches" as in the BMF text, no comma.</summary>
    public const string NoFurtherConfirmations =
        "Es wird bestätigt, dass über die in der Gesamtsumme enthaltenen Zuwendungen keine weiteren Bestätigungen, weder "
        + "formelle Zuwendungsbestätigungen noch Beitragsquittungen oder ähnliches ausgestellt wurden und werden.";

    /// <summary>Replaces the Einzelbestätigung's Verzicht line; the Anlage says it per payment.</summary>
    public const string WaiverInAnnex =
        "Ob es sich um den Verzicht auf Erstattung von Aufwendungen handelt, ist der Anlage zur Sammelbestätigung zu entnehmen.";

    public const string AnnexDateColumn = "Datum der Zuwendung";

    public const string AnnexKindColumn = "Art der Zuwendung (Geldzuwendung/Mitgliedsbeitrag)";

    public const string AnnexWaiverColumn = "Verzicht auf die Erstattung von Aufwendungen (ja/nein)";

    public const string AnnexAmountColumn = "Betrag";

    /// <summary>The Anlage's total row; its amount equals the Gesamtbetrag on page 1.</summary>
    public const string AnnexTotal = "Gesamtsumme";

    /// <summary>"Anlage zur Sammelbestätigung vom 15.01.2026", as the BMF rules require the list to be headed.</summary>
    public static string AnnexHeading(DateOnly issueDate) => $"Anlage zur Sammelbestätigung vom {GermanDate.Format(issueDate)}";

    /// <summary>The "Art der Zuwendung" of a line.</summary>
    public static string KindName(ReceiptKind kind) => kind switch
    {
        ReceiptKind.Donation => "Geldzuwendung",
        ReceiptKind.MembershipFee => "Mitgliedsbeitrag",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind."),
    };

    /// <summary>The Anlage's "ja/nein" for the Verzicht auf die Erstattung von Aufwendungen.</summary>
    public static string WaiverAnswer(bool isWaiver) => isWaiver ? "ja" : "nein";
}
