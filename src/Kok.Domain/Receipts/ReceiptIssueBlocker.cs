using System.Globalization;

namespace Kok.Domain.Receipts;

/// <summary>
/// Why receipts cannot be issued on a day, in plain words for the office (German and English) with the settings to
/// update, for a blocking alert on the dashboard. Made by <see cref="OrganisationProfile.ReceiptBlockerOn"/>.
/// </summary>
public sealed class ReceiptIssueBlocker
{
    private ReceiptIssueBlocker(ReceiptBlockReason reason, IReadOnlyList<string> settings, string german, string english)
    {
        Reason = reason;
        Settings = settings;
        German = german;
        English = english;
    }

    public ReceiptBlockReason Reason { get; }

    /// <summary>The app settings to update, e.g. <c>Organisation__ExemptionNoticeDate</c>.</summary>
    public IReadOnlyList<string> Settings { get; }

    public string German { get; }

    public string English { get; }

    public override string ToString() => English;

    internal static ReceiptIssueBlocker SettingsMissing(IReadOnlyList<string> properties)
    {
        var settings = properties.Select(SettingName).ToArray();
        return new ReceiptIssueBlocker(
            ReceiptBlockReason.SettingsMissing,
            settings,
            "Zuwendungsbestätigungen sind gesperrt, weil Angaben zur Organisation fehlen: "
            + string.Join(", ", properties.Select(p => $"{Label(p).German} ({SettingName(p)})"))
            + ". Bitte tragen Sie sie in den Einstellungen der App ein; bis dahin wird keine Bestätigung ausgestellt.",
            "Donation receipts are blocked because organisation details are missing: "
            + string.Join(", ", properties.Select(p => $"{Label(p).English} ({SettingName(p)})"))
            + ". Please enter them in the app settings; until then no receipt is issued.");
    }

    internal static ReceiptIssueBlocker NoticeTooOld(TaxExemptionNotice notice, DateOnly noticeDate, DateOnly lastUsableDay)
    {
        var (german, english, years) = Names(notice);
        return new ReceiptIssueBlocker(
            ReceiptBlockReason.ExemptionNoticeTooOld,
            [SettingName(nameof(OrganisationProfile.ExemptionNotice)), SettingName(nameof(OrganisationProfile.ExemptionNoticeDate))],
            $"Zuwendungsbestätigungen sind gesperrt: {german} vom {GermanDate.Format(noticeDate)} darf nur bis zum "
            + $"{GermanDate.Format(lastUsableDay)} genannt werden (höchstens {years} Jahre, § 63 Abs. 5 AO). Bitte tragen "
            + $"Sie den neuen Bescheid des Finanzamts ein: sein Datum in {SettingName(nameof(OrganisationProfile.ExemptionNoticeDate))}, "
            + $"seine Art in {SettingName(nameof(OrganisationProfile.ExemptionNotice))} und, falls sie sich geändert haben, "
            + "Finanzamt, Steuernummer und Veranlagungszeitraum. Bis dahin wird keine Bestätigung ausgestellt.",
            $"Donation receipts are blocked: the {english} of {EnglishDate(noticeDate)} may only be cited until "
            + $"{EnglishDate(lastUsableDay)} (at most {years} years, section 63 (5) AO). Please enter the tax office's new "
            + $"notice: its date in {SettingName(nameof(OrganisationProfile.ExemptionNoticeDate))}, its kind in "
            + $"{SettingName(nameof(OrganisationProfile.ExemptionNotice))} and, if they changed, the tax office, tax number "
            + "and assessment period. Until then no receipt is issued.");
    }

    internal static ReceiptIssueBlocker NoticeAfterReceiptDate(TaxExemptionNotice notice, DateOnly noticeDate, DateOnly receiptDate)
    {
        var (german, english, _) = Names(notice);
        var setting = SettingName(nameof(OrganisationProfile.ExemptionNoticeDate));
        return new ReceiptIssueBlocker(
            ReceiptBlockReason.ExemptionNoticeAfterReceiptDate,
            [setting],
            $"Zuwendungsbestätigungen sind gesperrt: {german} ist auf den {GermanDate.Format(noticeDate)} datiert, nach "
            + $"dem Datum der Bestätigung ({GermanDate.Format(receiptDate)}). Bitte prüfen Sie das Datum in {setting}.",
            $"Donation receipts are blocked: the {english} is dated {EnglishDate(noticeDate)}, after the receipt date "
            + $"({EnglishDate(receiptDate)}). Please check the date in {setting}.");
    }

    /// <summary>"Organisation__TaxOffice": the app setting behind a profile property.</summary>
    private static string SettingName(string property) => "Organisation__" + property switch
    {
        nameof(OrganisationProfile.AddressLines) => "AddressLines__0",
        nameof(OrganisationProfile.SignatureFacsimile) => "SignatureFacsimileBase64",
        _ => property,
    };

    private static (string German, string English, int Years) Names(TaxExemptionNotice notice) => notice == TaxExemptionNotice.Freistellungsbescheid
        ? ("Der Freistellungsbescheid", "exemption notice (Freistellungsbescheid)", OrganisationProfile.FreistellungsbescheidYears)
        : ("Der Feststellungsbescheid nach § 60a AO", "notice under section 60a AO (Feststellungsbescheid)", OrganisationProfile.FeststellungsbescheidYears);

    private static (string German, string English) Label(string property) => property switch
    {
        nameof(OrganisationProfile.Name) => ("Name der Organisation", "name of the organisation"),
        nameof(OrganisationProfile.ShortName) => ("Kurzname", "short name"),
        nameof(OrganisationProfile.AddressLines) => ("Anschrift", "address"),
        nameof(OrganisationProfile.City) => ("Ort", "place"),
        nameof(OrganisationProfile.TaxOffice) => ("Finanzamt", "tax office"),
        nameof(OrganisationProfile.TaxNumber) => ("Steuernummer", "tax number"),
        nameof(OrganisationProfile.ExemptionNoticeDate) => ("Datum des Freistellungs- oder Feststellungsbescheids", "date of the exemption notice"),
        nameof(OrganisationProfile.AssessmentPeriod) => ("Veranlagungszeitraum", "assessment period"),
        nameof(OrganisationProfile.Purposes) => ("steuerbegünstigte Zwecke", "tax-privileged purposes"),
        nameof(OrganisationProfile.SignatoryName) => ("Name der unterzeichnenden Person", "name of the signatory"),
        nameof(OrganisationProfile.SignatoryFunction) => ("Funktion der unterzeichnenden Person", "function of the signatory"),
        nameof(OrganisationProfile.ContactEmail) => ("Kontakt-E-Mail", "contact e-mail"),
        nameof(OrganisationProfile.SignatureFacsimile) => ("Unterschrift als Bild, höchstens 256 KB", "signature image, at most 256 KB"),
        _ => (property, property),
    };

    private static string EnglishDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
