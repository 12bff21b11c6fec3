using System.Text.RegularExpressions;
using Kok.Domain.Receipts;
using PdfSharp.Drawing;

namespace Kok.Functions.Receipts;

/// <summary>
/// Page 1 of a receipt: the official pattern's passages from <see cref="OfficialReceiptWording"/> in their order,
/// only those that apply (BMF Nr. 1). The Einzelbestätigung (Anlage 3) and the Sammelbestätigung (Anlage 14) share
/// every passage but the title, the amount row (date or period), and the Verzicht: a line with boxes on the one, two
/// sentences after the purpose on the other.
/// </summary>
internal static partial class ReceiptFrontPage
{
    private static readonly XBrush LabelBrush = new XSolidBrush(XColor.FromArgb(60, 60, 60));

    /// <summary>
    /// The Einzelbestätigung's title and vertical gaps, and the Sammelbestätigung's, with tighter gaps for its longer page.
    /// </summary>
    private static readonly Pattern SinglePattern = new(OfficialReceiptWording.Title, BeforeTitle: 26, Section: 16, BeforeNotice: 20);
    private static readonly Pattern AnnualPattern = new(OfficialReceiptWording.AnnualTitle, BeforeTitle: 14, Section: 12, BeforeNotice: 12);

    public static void DrawSingle(ReceiptPageWriter w, ReceiptDocument document, OrganisationProfile issuer, ReceiptFontSet fonts)
    {
        var pattern = SinglePattern;
        DrawHead(w, document, issuer, fonts, pattern);

        // Betrag in Ziffern, in Buchstaben, Tag der Zuwendung
        w.Space(pattern.Section);
        DrawAmountRow(
            w,
            new AmountRow(OfficialReceiptWording.AmountInFiguresLabel, 138, OfficialReceiptWording.PaymentDateLabel, 90, GermanDate.Format(document.PaymentDate)),
            document.AmountCents,
            fonts);

        // Verzicht auf Erstattung von Aufwendungen: Ja / Nein (always Nein here)
        w.Space(pattern.Section);
        DrawWaiverLine(w, document, fonts.Body);

        DrawExemptionAndPurpose(w, issuer, fonts, pattern);
        DrawFoot(w, document, issuer, fonts, pattern);
    }

    public static void DrawAnnual(ReceiptPageWriter w, ReceiptDocument document, OrganisationProfile issuer, ReceiptFontSet fonts)
    {
        var pattern = AnnualPattern;
        DrawHead(w, document, issuer, fonts, pattern);

        // Gesamtbetrag in Ziffern, in Buchstaben, Zeitraum der Sammelbestätigung
        w.Space(pattern.Section);
        DrawAmountRow(
            w,
            new AmountRow(OfficialReceiptWording.TotalInFiguresLabel, 120, OfficialReceiptWording.PeriodLabel, 150, document.Period.Text),
            document.AmountCents,
            fonts);

        DrawExemptionAndPurpose(w, issuer, fonts, pattern);

        // The pattern's two closing sentences, in this order, after the membership-fee box and before the signature.
        w.Space(10);
        w.Paragraph(OfficialReceiptWording.NoFurtherConfirmations, fonts.Body);
        w.Space(8);
        w.Paragraph(OfficialReceiptWording.WaiverInAnnex, fonts.Body);
        DrawFoot(w, document, issuer, fonts, pattern);
    }

    /// <summary>The number, the Aussteller, the title and subtitle, and the Zuwendender in a box.</summary>
    private static void DrawHead(ReceiptPageWriter w, ReceiptDocument document, OrganisationProfile issuer, ReceiptFontSet fonts, Pattern pattern)
    {
        // Receipt number top right, so the register entry can be found from a paper copy.
        var number = "Nr. " + document.Number;
        w.Graphics.DrawString(number, fonts.BodyBold, XBrushes.Black, w.Right - w.TextWidth(number, fonts.BodyBold), w.Y, XStringFormats.TopLeft);

        // Aussteller
        w.Paragraph(OfficialReceiptWording.IssuerLabel, fonts.Label, brush: LabelBrush);
        w.Space(2);
        w.Paragraph(issuer.Name, fonts.ValueBold);
        foreach (var line in issuer.AddressLines)
        {
            w.Paragraph(line, fonts.Value);
        }

        w.Space(pattern.BeforeTitle);
        w.Paragraph(pattern.Title, fonts.Title);
        w.Space(3);
        w.Paragraph(OfficialReceiptWording.Subtitle, fonts.Body);

        // Zuwendender
        w.Space(pattern.Section);
        w.Paragraph(OfficialReceiptWording.DonorLabel, fonts.Label, brush: LabelBrush);
        w.Space(2);
        var donorTop = w.Y;
        w.Space(5);
        w.Paragraph(document.DonorName, fonts.Value, indent: 6);
        foreach (var line in document.DonorAddressLines)
        {
            w.Paragraph(line, fonts.Value, indent: 6);
        }

        w.Space(5);
        w.Graphics.DrawRectangle(new XPen(XColors.Black, 0.6), w.Left, donorTop, w.Width, w.Y - donorTop);
    }

    /// <summary>Freistellung or § 60a AO (ticked), the purpose, and the membership-fee box where fees are not deductible.</summary>
    private static void DrawExemptionAndPurpose(ReceiptPageWriter w, OrganisationProfile issuer, ReceiptFontSet fonts, Pattern pattern)
    {
        w.Space(pattern.Section);
        w.TickedParagraph(OfficialReceiptWording.ExemptionStatement(issuer), fonts.Body, ticked: true);

        w.Space(12);
        w.Paragraph(OfficialReceiptWording.UseOfFundsStatement(issuer), fonts.Body);

        if (!issuer.MembershipFeesDeductible)
        {
            w.Space(10);
            w.Paragraph(OfficialReceiptWording.NonDeductibleFeesHeading, fonts.Body);
            w.Space(2);
            w.TickedParagraph(OfficialReceiptWording.NonDeductibleFeesStatement, fonts.Body, ticked: true);
        }
    }

    /// <summary>Ort, Datum, Unterschrift; the machine-made notice; a correction's reference; the Hinweis.</summary>
    private static void DrawFoot(ReceiptPageWriter w, ReceiptDocument document, OrganisationProfile issuer, ReceiptFontSet fonts, Pattern pattern)
    {
        DrawSignature(w, document, issuer, fonts);

        w.Space(12);
        foreach (var statement in OfficialReceiptWording.MachineMadeStatements(issuer))
        {
            w.Paragraph(statement, fonts.Small);
        }

        if (document.Replaces is { } replaces)
        {
            w.Paragraph(OfficialReceiptWording.ReplacesStatement(replaces), fonts.Small);
        }

        w.Space(pattern.BeforeNotice);
        w.Paragraph(OfficialReceiptWording.NoticeHeading, fonts.SmallBold);
        w.Space(1);
        w.Paragraph(OfficialReceiptWording.LiabilityNotice, fonts.Small);
        w.Space(5);
        w.Paragraph(OfficialReceiptWording.RecognitionNotice, fonts.Small);
    }

    private static void DrawAmountRow(ReceiptPageWriter w, AmountRow row, long amountCents, ReceiptFontSet fonts)
    {
        const double Gap = 10;
        var wordsWidth = w.Width - row.FiguresWidth - row.ThirdWidth - (2 * Gap);
        var figuresX = w.Left;
        var wordsX = figuresX + row.FiguresWidth + Gap;
        var thirdX = wordsX + wordsWidth + Gap;

        var top = w.Y;
        w.EnsureRoom(ReceiptPageWriter.LineHeight(fonts.Label) * 2);
        var labelHeight = Math.Max(
            w.TextBlock(row.FiguresLabel, fonts.Label, new(figuresX, top), row.FiguresWidth, LabelBrush),
            Math.Max(
                w.TextBlock(OfficialReceiptWording.AmountInWordsLabel, fonts.Label, new(wordsX, top), wordsWidth, LabelBrush),
                w.TextBlock(row.ThirdLabel, fonts.Label, new(thirdX, top), row.ThirdWidth, LabelBrush)));
        w.Advance(labelHeight + 3);

        const double Padding = 5;
        // Number words such as "siebenhundertsiebenundsiebzigtausendsiebenhundertsiebenundsiebzig" are one word;
        // they may break after "tausend", and the font shrinks only if even the parts do not fit.
        var words = ThousandsBreak().Replace(GermanAmountInWords.Format(amountCents), "tausend" + ReceiptPageWriter.SoftHyphen);
        var wordsFont = FitLongestWord(w, words, fonts.Value, wordsWidth - (2 * Padding));
        var thirdFont = FitLongestWord(w, row.ThirdValue, fonts.Value, row.ThirdWidth - (2 * Padding));
        var cellHeight = Math.Max(
            Math.Max(w.Measure(words, wordsFont, wordsWidth - (2 * Padding)), w.Measure(row.ThirdValue, thirdFont, row.ThirdWidth - (2 * Padding))),
            ReceiptPageWriter.LineHeight(fonts.Value)) + (2 * Padding);
        w.EnsureRoom(cellHeight);

        var pen = new XPen(XColors.Black, 0.6);
        var cellTop = w.Y;
        w.Graphics.DrawRectangle(pen, figuresX, cellTop, row.FiguresWidth, cellHeight);
        w.Graphics.DrawRectangle(pen, wordsX, cellTop, wordsWidth, cellHeight);
        w.Graphics.DrawRectangle(pen, thirdX, cellTop, row.ThirdWidth, cellHeight);
        var figures = GermanAmountInFigures.Format(amountCents);
        w.TextBlock(figures, FitLongestWord(w, figures, fonts.ValueBold, row.FiguresWidth - (2 * Padding)), new(figuresX + Padding, cellTop + Padding), row.FiguresWidth - (2 * Padding));
        w.TextBlock(words, wordsFont, new(wordsX + Padding, cellTop + Padding), wordsWidth - (2 * Padding));
        w.TextBlock(row.ThirdValue, thirdFont, new(thirdX + Padding, cellTop + Padding), row.ThirdWidth - (2 * Padding));
        w.Advance(cellHeight);
    }

    /// <summary>Shrinks the font until the longest unbreakable piece of <paramref name="text"/> fits the column.</summary>
    private static XFont FitLongestWord(ReceiptPageWriter w, string text, XFont font, double width)
    {
        var longest = text.Split(' ', ReceiptPageWriter.SoftHyphen[0]).MaxBy(word => w.TextWidth(word + "-", font)) + "-";
        var size = font.Size;
        var fitted = font;
        while (size > 6 && w.TextWidth(longest, fitted) > width)
        {
            size -= 0.5;
            fitted = new XFont(ReceiptFonts.Family, size, font.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        }

        return fitted;
    }

    private static void DrawWaiverLine(ReceiptPageWriter w, ReceiptDocument document, XFont body)
    {
        var lineHeight = ReceiptPageWriter.LineHeight(body);
        w.EnsureRoom(lineHeight);
        var y = w.Y;
        w.Graphics.DrawString(OfficialReceiptWording.WaiverQuestion, body, XBrushes.Black, w.Left, y, XStringFormats.TopLeft);
        var x = w.Left + w.TextWidth(OfficialReceiptWording.WaiverQuestion, body) + 24;
        w.Graphics.DrawString(OfficialReceiptWording.Yes, body, XBrushes.Black, x, y, XStringFormats.TopLeft);
        x += w.TextWidth(OfficialReceiptWording.Yes, body) + 5;
        w.TickBox(x, y + 1.5, document.IsWaiverOfExpenseReimbursement);
        x += 28;
        w.Graphics.DrawString(OfficialReceiptWording.No, body, XBrushes.Black, x, y, XStringFormats.TopLeft);
        x += w.TextWidth(OfficialReceiptWording.No, body) + 5;
        w.TickBox(x, y + 1.5, !document.IsWaiverOfExpenseReimbursement);
        w.Advance(lineHeight);
    }

    private static void DrawSignature(ReceiptPageWriter w, ReceiptDocument document, OrganisationProfile issuer, ReceiptFontSet fonts)
    {
        const double SignatureHeight = 40;
        const double LineWidth = 330;
        w.Space(20);
        w.EnsureRoom(SignatureHeight + 30);
        var lineY = w.Y + SignatureHeight;
        var placeAndDate = OfficialReceiptWording.PlaceAndDate(issuer, document.IssueDate);
        w.Graphics.DrawString(placeAndDate, fonts.Value, XBrushes.Black, w.Left, lineY - 3, XStringFormats.BottomLeft);

        var signatureX = w.Left + w.TextWidth(placeAndDate, fonts.Value) + 24;
        if (!issuer.SignatureFacsimile.IsEmpty)
        {
            using var stream = new MemoryStream(issuer.SignatureFacsimile.ToArray(), writable: false);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(SignatureHeight / image.PointHeight, (LineWidth - (signatureX - w.Left)) / image.PointWidth);
            w.Graphics.DrawImage(image, signatureX, lineY - 2 - (image.PointHeight * scale), image.PointWidth * scale, image.PointHeight * scale);
        }

        w.Graphics.DrawLine(new XPen(XColors.Black, 0.6), w.Left, lineY, w.Left + LineWidth, lineY);
        w.Advance(SignatureHeight + 2);
        w.Paragraph(OfficialReceiptWording.SignatureCaption, fonts.Label, brush: LabelBrush);
        w.Space(2);
        w.Paragraph($"{issuer.SignatoryName}, {issuer.SignatoryFunction}", fonts.Small);
    }

    [GeneratedRegex("tausend(?=[a-zäöüß])", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsBreak();

    /// <summary>What the official pattern (Anlage 3 or 14) sets apart on page 1: the title, and the page's vertical pattern.</summary>
    private sealed record Pattern(string Title, double BeforeTitle, double Section, double BeforeNotice);

    /// <summary>The amount row's first and third columns; the words column takes the rest.</summary>
    private sealed record AmountRow(string FiguresLabel, double FiguresWidth, string ThirdLabel, double ThirdWidth, string ThirdValue);
}
