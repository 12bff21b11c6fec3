namespace Kok.Domain.Receipts;

/// <summary>
/// The issuing organisation as it appears on receipts and in receipt mails. <see cref="KokDefaults"/> holds what is
/// publicly known about KOK e.V.; everything else is a visible placeholder ("[… – bitte konfigurieren]") until
/// configuration supplies it, and <see cref="UnconfiguredSettings"/> lists what is still missing.
/// </summary>
public sealed record OrganisationProfile
{
    /// <summary>Years a Freistellungsbescheid may be cited on receipts (§ 63 Abs. 5 Satz 1 Nr. 1 AO).</summary>
    public const int FreistellungsbescheidYears = 5;

    /// <summary>Calendar years a § 60a AO Feststellungsbescheid may be cited (§ 63 Abs. 5 Satz 1 Nr. 2 AO).</summary>
    public const int FeststellungsbescheidYears = 3;

    /// <summary>
    /// Largest scanned signature kept: the register stores it once, in one table row (1 MB, as base64 text in UTF-16).
    /// A larger one counts as unconfigured, so receipts wait rather than fail half way.
    /// </summary>
    public const int MaxSignatureFacsimileBytes = 256 * 1024;

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
    /// Last day receipts may cite the notice (§ 63 Abs. 5 AO): a receipt may be issued while the notice's date lies no
    /// longer than five years (Freistellungsbescheid) or three calendar years (§ 60a AO Feststellungsbescheid) back,
    /// "taggenau" (to the day). By §§ 187 Abs. 1, 188 Abs. 2 BGB (via § 108 Abs. 1 AO) the period ends with the day
    /// whose date matches the notice's: a notice of 17.05.2024 may be cited on 17.05.2029, not on 18.05.2029. A notice
    /// of 29 February ends on 28 February when that year has no 29th (§ 188 Abs. 3 BGB), as
    /// <see cref="DateOnly.AddYears"/> counts. Null while the date is unconfigured.
    /// </summary>
    public DateOnly? ExemptionNoticeUsableUntil => ExemptionNoticeDate?.AddYears(
        ExemptionNotice == TaxExemptionNotice.Freistellungsbescheid ? FreistellungsbescheidYears : FeststellungsbescheidYears);

    /// <summary>
    /// SHA-256 of <see cref="SignatureFacsimile"/> (lower-case hex), or null without one: how a frozen receipt names
    /// the facsimile it was signed with, which the register keeps once however many receipts carry it.
    /// </summary>
    public string? SignatureFacsimileSha256 => SignatureFacsimile.IsEmpty
        ? null
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SignatureFacsimile.Span));

    /// <summary>
    /// Names of settings that still hold a placeholder (or are empty, or a facsimile too large to keep); empty when
    /// the profile is complete.
    /// </summary>
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
        if (SignatureFacsimile.Length > MaxSignatureFacsimileBytes)
        {
            missing.Add(nameof(SignatureFacsimile));
        }

        return missing;
    }

    /// <summary>
    /// Whether a receipt issued on <paramref name="issueDate"/> would be valid: every setting is configured and the
    /// exemption notice is not older than § 63 Abs. 5 AO allows (<see cref="ReceiptBlockerOn"/>).
    /// </summary>
    public bool CanIssueReceiptsOn(DateOnly issueDate) => ReceiptBlockerOn(issueDate) is null;

    /// <summary>
    /// Why no receipt (single or annual) may carry <paramref name="receiptDate"/> as its date, or null when one may:
    /// settings missing, the notice older than <see cref="ExemptionNoticeUsableUntil"/>, or dated after the receipt.
    /// The receipt date counts, not the payment date: a Sammelbestätigung issued in January cites the notice as it
    /// stands then.
    /// </summary>
    public ReceiptIssueBlocker? ReceiptBlockerOn(DateOnly receiptDate)
    {
        var missing = UnconfiguredSettings();
        if (missing.Count > 0)
        {
            return ReceiptIssueBlocker.SettingsMissing(missing);
        }

        var notice = ExemptionNoticeDate!.Value;
        if (notice > receiptDate)
        {
            return ReceiptIssueBlocker.NoticeAfterReceiptDate(ExemptionNotice, notice, receiptDate);
        }

        var until = ExemptionNoticeUsableUntil!.Value;
        return receiptDate > until ? ReceiptIssueBlocker.NoticeTooOld(ExemptionNotice, notice, until) : null;
    }

    /// <summary>
    /// Refuses to freeze this profile on a receipt of <paramref name="receiptDate"/> confirming <paramref name="lines"/>:
    /// when <see cref="ReceiptBlockerOn"/> names a reason, or a line is a membership fee the organisation's members
    /// cannot deduct. Thrown before a number is taken, so the message waits rather than a number going to waste.
    /// </summary>
    internal void RequireReceiptsOn(DateOnly receiptDate, IEnumerable<ReceiptLine> lines)
    {
        if (ReceiptBlockerOn(receiptDate) is { } blocker)
        {
            throw new ReceiptsUnavailableException(blocker);
        }

        if (!MembershipFeesDeductible && lines.Any(l => l.Kind == ReceiptKind.MembershipFee))
        {
            throw new ReceiptsUnavailableException(
                "Membership fees of this organisation are not deductible (Organisation__MembershipFeesDeductible); no receipt may confirm one.");
        }
    }

    /// <summary>A visible stand-in for a value that must be configured, e.g. "[Finanzamt – bitte konfigurieren]".</summary>
    public static string Placeholder(string what) => "[" + what + PlaceholderSuffix;

    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Contains(PlaceholderSuffix, StringComparison.Ordinal);
    }
}
