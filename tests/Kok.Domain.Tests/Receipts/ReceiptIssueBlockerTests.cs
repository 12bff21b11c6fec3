using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>
/// § 63 Abs. 5 AO: receipts may cite a Freistellungsbescheid for five years and a § 60a AO Feststellungsbescheid for
/// three, counted to the day ("taggenau") up to the receipt date; the office reads why in plain words.
/// </summary>
public class ReceiptIssueBlockerTests
{
    [Theory]
    [InlineData("2024-05-17", "2029-05-17", true)]
    [InlineData("2024-05-17", "2029-05-18", false)]
    [InlineData("2024-02-29", "2029-02-28", true)] // no 29 February in 2029: the period ends on the 28th (§ 188 Abs. 3 BGB)
    [InlineData("2024-02-29", "2029-03-01", false)]
    [InlineData("2024-02-28", "2029-02-28", true)]
    [InlineData("2023-03-01", "2028-02-29", true)]
    [InlineData("2023-03-01", "2028-03-01", true)]
    [InlineData("2023-03-01", "2028-03-02", false)]
    [InlineData("2024-05-17", "2024-05-17", true)] // the day of the notice itself
    [InlineData("2024-05-17", "2024-05-16", false)] // before the notice: a receipt cannot cite it
    public void A_freistellungsbescheid_may_be_cited_up_to_the_same_day_five_years_later(string notice, string receipt, bool allowed)
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with { ExemptionNoticeDate = DateOnly.Parse(notice, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(allowed, organisation.CanIssueReceiptsOn(DateOnly.Parse(receipt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2024-05-17", "2027-05-17", true)]
    [InlineData("2024-05-17", "2027-05-18", false)]
    [InlineData("2024-02-29", "2027-02-28", true)]
    [InlineData("2024-02-29", "2027-03-01", false)]
    public void A_feststellungsbescheid_may_be_cited_for_three_years(string notice, string receipt, bool allowed)
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with
        {
            ExemptionNotice = TaxExemptionNotice.Feststellungsbescheid,
            ExemptionNoticeDate = DateOnly.Parse(notice, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(allowed, organisation.CanIssueReceiptsOn(DateOnly.Parse(receipt, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_old_freistellungsbescheid_is_explained_in_german_and_english_with_the_settings_to_update()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with { ExemptionNoticeDate = new DateOnly(2019, 5, 17) };

        var blocker = organisation.ReceiptBlockerOn(new DateOnly(2026, 1, 10))!;

        Assert.Equal(ReceiptBlockReason.ExemptionNoticeTooOld, blocker.Reason);
        Assert.Equal(["Organisation__ExemptionNotice", "Organisation__ExemptionNoticeDate"], blocker.Settings);
        Assert.Equal(
            "Zuwendungsbestätigungen sind gesperrt: Der Freistellungsbescheid vom 17.05.2019 darf nur bis zum 17.05.2024 "
            + "genannt werden (höchstens 5 Jahre, § 63 Abs. 5 AO). Bitte tragen Sie den neuen Bescheid des Finanzamts ein: "
            + "sein Datum in Organisation__ExemptionNoticeDate, seine Art in Organisation__ExemptionNotice und, falls sie "
            + "sich geändert haben, Finanzamt, Steuernummer und Veranlagungszeitraum. Bis dahin wird keine Bestätigung ausgestellt.",
            blocker.German);
        Assert.Equal(
            "Donation receipts are blocked: the exemption notice (Freistellungsbescheid) of 17 May 2019 may only be cited "
            + "until 17 May 2024 (at most 5 years, section 63 (5) AO). Please enter the tax office's new notice: its date in "
            + "Organisation__ExemptionNoticeDate, its kind in Organisation__ExemptionNotice and, if they changed, the tax "
            + "office, tax number and assessment period. Until then no receipt is issued.",
            blocker.English);
        Assert.Null(organisation.ReceiptBlockerOn(new DateOnly(2024, 5, 17)));
    }

    [Fact]
    public void An_old_feststellungsbescheid_names_the_three_years()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with
        {
            ExemptionNotice = TaxExemptionNotice.Feststellungsbescheid,
            ExemptionNoticeDate = new DateOnly(2022, 1, 1),
        };

        var blocker = organisation.ReceiptBlockerOn(new DateOnly(2026, 1, 10))!;

        Assert.StartsWith(
            "Zuwendungsbestätigungen sind gesperrt: Der Feststellungsbescheid nach § 60a AO vom 01.01.2022 darf nur bis zum 01.01.2025 genannt werden (höchstens 3 Jahre",
            blocker.German,
            StringComparison.Ordinal);
        Assert.StartsWith("Donation receipts are blocked: the notice under section 60a AO (Feststellungsbescheid) of 1 January 2022", blocker.English, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_dated_after_the_receipt_is_a_typing_error_to_check()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with { ExemptionNoticeDate = new DateOnly(2027, 5, 17) };

        var blocker = organisation.ReceiptBlockerOn(new DateOnly(2026, 1, 10))!;

        Assert.Equal(ReceiptBlockReason.ExemptionNoticeAfterReceiptDate, blocker.Reason);
        Assert.Equal(
            "Zuwendungsbestätigungen sind gesperrt: Der Freistellungsbescheid ist auf den 17.05.2027 datiert, nach dem Datum "
            + "der Bestätigung (10.01.2026). Bitte prüfen Sie das Datum in Organisation__ExemptionNoticeDate.",
            blocker.German);
        Assert.Equal(["Organisation__ExemptionNoticeDate"], blocker.Settings);
    }

    [Fact]
    public void Missing_settings_are_named_in_plain_words_with_their_setting()
    {
        var blocker = OrganisationProfile.KokDefaults.ReceiptBlockerOn(new DateOnly(2026, 1, 10))!;

        Assert.Equal(ReceiptBlockReason.SettingsMissing, blocker.Reason);
        Assert.Contains("Organisation__AddressLines__0", blocker.Settings);
        Assert.Contains("Organisation__TaxNumber", blocker.Settings);
        Assert.StartsWith(
            "Zuwendungsbestätigungen sind gesperrt, weil Angaben zur Organisation fehlen: Anschrift (Organisation__AddressLines__0), Finanzamt (Organisation__TaxOffice), Steuernummer (Organisation__TaxNumber), ",
            blocker.German,
            StringComparison.Ordinal);
        Assert.StartsWith("Donation receipts are blocked because organisation details are missing: address (Organisation__AddressLines__0), tax office", blocker.English, StringComparison.Ordinal);
    }

    [Fact]
    public void A_facsimile_too_large_to_keep_counts_as_unconfigured()
    {
        var organisation = ReceiptTestData.ConfiguredOrganisation with { SignatureFacsimile = new byte[OrganisationProfile.MaxSignatureFacsimileBytes + 1] };

        var blocker = organisation.ReceiptBlockerOn(new DateOnly(2026, 1, 10))!;

        Assert.Equal(["Organisation__SignatureFacsimileBase64"], blocker.Settings);
        Assert.Null((organisation with { SignatureFacsimile = new byte[100] }).ReceiptBlockerOn(new DateOnly(2026, 1, 10)));
    }

    [Fact]
    public void The_facsimile_is_named_by_its_sha256()
    {
        Assert.Null(ReceiptTestData.ConfiguredOrganisation.SignatureFacsimileSha256);
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            (ReceiptTestData.ConfiguredOrganisation with { SignatureFacsimile = "abc"u8.ToArray() }).SignatureFacsimileSha256);
    }
}
