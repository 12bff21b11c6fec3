namespace Kok.Domain.Receipts;

/// <summary>
/// The issuing organisation as it appears on receipts and in receipt mails. <see cref="KokDefaults"/> holds what is
/// publicly known about KOK e.V.; everything else is a visible placeholder ("[… – bitte konfigurieren]") until
/// configuration supplies it, and <see cref="UnconfiguredSettings"/> lists what is still missing.
/// </summary>
public sealed record OrganisationProfile
{
    private const string PlaceholderSuffix = " – bitte konfigurieren]";

    /// <summary>Full legal name ("Bezeichnung der steuerbegünstigten Einrichtung").</summary>
    public required string Name { get; init; }

    /// <summary>Name used in mail texts.</summary>
    public required string ShortName { get; init; }

    /// <summary>Postal address lines below the name, e.g. street and "PLZ Ort".</summary>
    public required IReadOnlyList<string> AddressLines { get; init; }

    /// <summary>Place printed in "Ort, Datum" on the receipt.</summary>
    public required string City { get; init; }

    /// <summary>Finanzamt that issued the exemption notice, e.g. "Berlin für Körperschaften I".</summary>
    public required string TaxOffice { get; init; }

    /// <summary>Steuernummer of the organisation.</summary>
    public required string TaxNumber { get; init; }

    public TaxExemptionNotice ExemptionNotice { get; init; } = TaxExemptionNotice.Freistellungsbescheid;

    /// <summary>Date of the Freistellungsbescheid or § 60a AO Feststellungsbescheid; null while unconfigured.</summary>
    public DateOnly? ExemptionNoticeDate { get; init; }

    /// <summary>Veranlagungszeitraum the Freistellungsbescheid covers, e.g. "2021 bis 2023" (not used for § 60a).</summary>
    public required string AssessmentPeriod { get; init; }

    /// <summary>
    /// The tax-privileged purpose(s) as the notice names them, worded to follow "Förderung" in the genitive, e.g.
    /// "der Hilfe für Opfer von Straftaten" (printed as "wegen Förderung der Hilfe für Opfer von Straftaten"; in the
    /// § 60a AO variant as "Wir fördern nach unserer Satzung die Förderung der …").
    /// </summary>
    public required string Purposes { get; init; }

    /// <summary>
    /// False for organisations whose membership fees § 10b Abs. 1 Satz 8 EStG excludes from deduction (sport,
    /// culture as leisure, …): then receipts carry the pattern's extra confirmation and no fee receipt may be issued.
    /// </summary>
    public bool MembershipFeesDeductible { get; init; } = true;

    /// <summary>Person whose facsimile signature stands for the organisation on machine-made receipts.</summary>
    public required string SignatoryName { get; init; }

    public required string SignatoryFunction { get; init; }

    /// <summary>Where supporters write to about receipts.</summary>
    public required string ContactEmail { get; init; }

    /// <summary>
    /// Optional scanned signature (PNG or JPEG) printed as facsimile, which R 10b.1 Abs. 4 EStR expects on
    /// machine-made receipts; without it the signatory's name is printed in its place.
    /// </summary>
    public ReadOnlyMemory<byte> SignatureFacsimile { get; init; }

    /// <summary>
    /// KOK e.V. as far as public sources say (name; seat in Berlin since 2006). Tax data, street address, purposes and
    /// signatory are placeholders that must come from configuration before receipts go out.
    /// </summary>
    public static OrganisationProfile KokDefaults { get; } = new()
    {
        Name = "KOK - bundesweiter Koordinierungskreis gegen Menschenhandel e.V.",
        ShortName = "KOK e.V.",
        AddressLines = [Placeholder("Straße und Hausnummer"), Placeholder("PLZ") + " Berlin"],
        City = "Berlin",
        TaxOffice = Placeholder("Finanzamt"),
        TaxNumber = Placeholder("Steuernummer"),
        ExemptionNotice = TaxExemptionNotice.Freistellungsbescheid,
        ExemptionNoticeDate = null,
        AssessmentPeriod = Placeholder("Veranlagungszeitraum"),
        Purposes = Placeholder("begünstigte Zwecke laut Bescheid"),
        MembershipFeesDeductible = true,
        SignatoryName = Placeholder("Name der unterzeichnenden Person"),
        SignatoryFunction = Placeholder("Funktion"),
        ContactEmail = Placeholder("Kontakt-E-Mail"),
    };

    /// <summary>The notice date as printed; a placeholder while it is not configured.</summary>
    public string ExemptionNoticeDateText =>
        ExemptionNoticeDate is { } date ? GermanDate.Format(date) : Placeholder("Datum des Bescheids");

    /// <summary>
    /// Last day receipts may cite the notice (§ 63 Abs. 5 AO): five years after a Freistellungsbescheid, three after a
    /// § 60a AO Feststellungsbescheid. Null while the date is unconfigured.
    /// </summary>
    public DateOnly? ExemptionNoticeUsableUntil => ExemptionNoticeDate?.AddYears(
        ExemptionNotice == TaxExemptionNotice.Freistellungsbescheid ? 5 : 3);

    /// <summary>Names of settings that still hold a placeholder (or are empty); empty when the profile is complete.</summary>
    public IReadOnlyList<string> UnconfiguredSettings()
    {
        var missing = new List<string>();
        void Check(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value) || IsPlaceholder(value))
            {
                missing.Add(name);
            }
        }

        Check(nameof(Name), Name);
        Check(nameof(ShortName), ShortName);
        if (AddressLines.Count == 0 || AddressLines.Any(line => string.IsNullOrWhiteSpace(line) || IsPlaceholder(line)))
        {
            missing.Add(nameof(AddressLines));
        }

        Check(nameof(City), City);
        Check(nameof(TaxOffice), TaxOffice);
        Check(nameof(TaxNumber), TaxNumber);
        if (ExemptionNoticeDate is null)
        {
            missing.Add(nameof(ExemptionNoticeDate));
        }

        if (ExemptionNotice == TaxExemptionNotice.Freistellungsbescheid)
        {
            Check(nameof(AssessmentPeriod), AssessmentPeriod);
        }

        Check(nameof(Purposes), Purposes);
        Check(nameof(SignatoryName), SignatoryName);
        Check(nameof(SignatoryFunction), SignatoryFunction);
        Check(nameof(ContactEmail), ContactEmail);
        return missing;
    }

    /// <summary>
    /// Whether a receipt issued on <paramref name="issueDate"/> would be valid: every setting is configured and the
    /// exemption notice is not older than § 63 Abs. 5 AO allows.
    /// </summary>
    public bool CanIssueReceiptsOn(DateOnly issueDate) =>
        UnconfiguredSettings().Count == 0 && ExemptionNoticeUsableUntil is { } until && issueDate <= until;

    /// <summary>A visible stand-in for a value that must be configured, e.g. "[Finanzamt – bitte konfigurieren]".</summary>
    public static string Placeholder(string what) => "[" + what + PlaceholderSuffix;

    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains(PlaceholderSuffix, StringComparison.Ordinal);
    }
}
