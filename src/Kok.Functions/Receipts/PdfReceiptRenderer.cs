using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kok.Domain.Receipts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kok.Functions.Receipts;

/// <summary>
/// Renders an Einzelbestätigung (single Zuwendungsbestätigung, German tax receipt) as a one-page A4 PDF following
/// the official pattern (BMF 2013, Anlage 3): every sentence comes from <see cref="OfficialReceiptWording"/>, in its
/// order; only the passages that apply are printed (BMF Nr. 1). The file is encrypted with a random, never stored
/// owner password, so it opens and prints but cannot be edited: the "schreibgeschütztes Dokument" that BMF
/// 6.2.2017 requires for receipts sent by mail.
/// </summary>
public sealed partial class PdfReceiptRenderer : IReceiptRenderer
{
    private const double MarginLeft = 57;
    private const double MarginRight = 57;
    private const double MarginTop = 48;
    private const double MarginBottom = 40;

    private static readonly XBrush LabelBrush = new XSolidBrush(XColor.FromArgb(60, 60, 60));
    private static readonly XBrush VoidBrush = new XSolidBrush(XColor.FromArgb(200, 0, 0));

    public PdfReceiptRenderer()
    {
        ReceiptFonts.EnsureRegistered();
    }

    public byte[] Render(ReceiptDocument document, OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(organisation);
        if (document.Kind == ReceiptKind.MembershipFee && !organisation.MembershipFeesDeductible)
        {
            throw new InvalidOperationException("Membership fees of this organisation are not deductible; no receipt may be issued for them.");
        }

        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Zuwendungsbestätigung {document.Number}";
        pdf.Info.Author = organisation.Name;
        pdf.Info.Subject = OfficialReceiptWording.Title;
        pdf.Info.Creator = organisation.ShortName;
        pdf.Info.CreationDate = document.IssueDate.ToDateTime(TimeOnly.MinValue);
        pdf.Language = "de-DE";

        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var writer = new ReceiptPageWriter(
                graphics,
                MarginLeft,
                MarginTop,
                page.Width.Point - MarginLeft - MarginRight,
                page.Height.Point - MarginBottom);
            Draw(writer, document, organisation);
            if (document.WithdrawnOn is { } withdrawnOn)
            {
                DrawVoidMark(graphics, page, withdrawnOn);
            }
        }

        Protect(pdf);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Draw(ReceiptPageWriter w, ReceiptDocument document, OrganisationProfile organisation)
    {
        var label = new XFont(ReceiptFonts.Family, 8);
        var body = new XFont(ReceiptFonts.Family, 10);
        var bodyBold = new XFont(ReceiptFonts.Family, 10, XFontStyleEx.Bold);
        var value = new XFont(ReceiptFonts.Family, 11);
        var valueBold = new XFont(ReceiptFonts.Family, 11, XFontStyleEx.Bold);
        var title = new XFont(ReceiptFonts.Family, 14.5, XFontStyleEx.Bold);
        var small = new XFont(ReceiptFonts.Family, 8.5);
        var smallBold = new XFont(ReceiptFonts.Family, 8.5, XFontStyleEx.Bold);

        // Receipt number top right, so the register entry can be found from a paper copy.
        var number = "Nr. " + document.Number;
        w.Graphics.DrawString(number, bodyBold, XBrushes.Black, w.Right - w.TextWidth(number, bodyBold), w.Y, XStringFormats.TopLeft);

        // Aussteller
        w.Paragraph(OfficialReceiptWording.IssuerLabel, label, brush: LabelBrush);
        w.Space(2);
        w.Paragraph(organisation.Name, valueBold);
        foreach (var line in organisation.AddressLines)
        {
            w.Paragraph(line, value);
        }

        w.Space(26);
        w.Paragraph(OfficialReceiptWording.Title, title);
        w.Space(3);
        w.Paragraph(OfficialReceiptWording.Subtitle, body);

        // Zuwendender
        w.Space(16);
        w.Paragraph(OfficialReceiptWording.DonorLabel, label, brush: LabelBrush);
        w.Space(2);
        var donorTop = w.Y;
        w.Space(5);
        w.Paragraph(document.DonorName, value, indent: 6);
        foreach (var line in document.DonorAddressLines)
        {
            w.Paragraph(line, value, indent: 6);
        }

        w.Space(5);
        w.Graphics.DrawRectangle(new XPen(XColors.Black, 0.6), w.Left, donorTop, w.Width, w.Y - donorTop);

        // Betrag in Ziffern, in Buchstaben, Tag der Zuwendung
        w.Space(16);
        DrawAmountRow(w, document, label, valueBold, value);

        // Verzicht auf Erstattung von Aufwendungen: Ja / Nein (always Nein here)
        w.Space(16);
        DrawWaiverLine(w, document, body);

        // Freistellung or § 60a AO, ticked
        w.Space(16);
        w.TickedParagraph(OfficialReceiptWording.ExemptionStatement(organisation), body, ticked: true);

        w.Space(12);
        w.Paragraph(OfficialReceiptWording.UseOfFundsStatement(organisation), body);

        if (!organisation.MembershipFeesDeductible)
        {
            w.Space(10);
            w.Paragraph(OfficialReceiptWording.NonDeductibleFeesHeading, body);
            w.Space(2);
            w.TickedParagraph(OfficialReceiptWording.NonDeductibleFeesStatement, body, ticked: true);
        }

        DrawSignature(w, document, organisation, value, small, label);

        w.Space(12);
        foreach (var statement in OfficialReceiptWording.MachineMadeStatements(organisation))
        {
            w.Paragraph(statement, small);
        }

        w.Space(20);
        w.Paragraph(OfficialReceiptWording.NoticeHeading, smallBold);
        w.Space(1);
        w.Paragraph(OfficialReceiptWording.LiabilityNotice, small);
        w.Space(5);
        w.Paragraph(OfficialReceiptWording.RecognitionNotice, small);
    }

    private static void DrawAmountRow(ReceiptPageWriter w, ReceiptDocument document, XFont label, XFont figuresFont, XFont value)
    {
        const double Gap = 10;
        const double FiguresWidth = 138;
        const double DateWidth = 90;
        var wordsWidth = w.Width - FiguresWidth - DateWidth - (2 * Gap);
        var figuresX = w.Left;
        var wordsX = figuresX + FiguresWidth + Gap;
        var dateX = wordsX + wordsWidth + Gap;

        var top = w.Y;
        w.EnsureRoom(ReceiptPageWriter.LineHeight(label) * 2);
        var labelHeight = Math.Max(
            w.TextBlock(OfficialReceiptWording.AmountInFiguresLabel, label, figuresX, top, FiguresWidth, LabelBrush),
            Math.Max(
                w.TextBlock(OfficialReceiptWording.AmountInWordsLabel, label, wordsX, top, wordsWidth, LabelBrush),
                w.TextBlock(OfficialReceiptWording.PaymentDateLabel, label, dateX, top, DateWidth, LabelBrush)));
        w.Advance(labelHeight + 3);

        const double Padding = 5;
        // Number words such as "siebenhundertsiebenundsiebzigtausendsiebenhundertsiebenundsiebzig" are one word;
        // they may break after "tausend", and the font shrinks only if even the parts do not fit.
        var words = ThousandsBreak().Replace(GermanAmountInWords.Format(document.AmountCents), "tausend" + ReceiptPageWriter.SoftHyphen);
        var wordsFont = FitLongestWord(w, words, value, wordsWidth - (2 * Padding));
        var cellHeight = Math.Max(
            w.Measure(words, wordsFont, wordsWidth - (2 * Padding)),
            ReceiptPageWriter.LineHeight(value)) + (2 * Padding);
        w.EnsureRoom(cellHeight);

        var pen = new XPen(XColors.Black, 0.6);
        var cellTop = w.Y;
        w.Graphics.DrawRectangle(pen, figuresX, cellTop, FiguresWidth, cellHeight);
        w.Graphics.DrawRectangle(pen, wordsX, cellTop, wordsWidth, cellHeight);
        w.Graphics.DrawRectangle(pen, dateX, cellTop, DateWidth, cellHeight);
        var figures = GermanAmountInFigures.Format(document.AmountCents);
        w.TextBlock(figures, FitLongestWord(w, figures, figuresFont, FiguresWidth - (2 * Padding)), figuresX + Padding, cellTop + Padding, FiguresWidth - (2 * Padding));
        w.TextBlock(words, wordsFont, wordsX + Padding, cellTop + Padding, wordsWidth - (2 * Padding));
        w.TextBlock(GermanDate.Format(document.PaymentDate), value, dateX + Padding, cellTop + Padding, DateWidth - (2 * Padding));
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

    private static void DrawSignature(ReceiptPageWriter w, ReceiptDocument document, OrganisationProfile organisation, XFont value, XFont small, XFont label)
    {
        const double SignatureHeight = 40;
        const double LineWidth = 330;
        w.Space(20);
        w.EnsureRoom(SignatureHeight + 30);
        var lineY = w.Y + SignatureHeight;
        var placeAndDate = OfficialReceiptWording.PlaceAndDate(organisation, document.IssueDate);
        w.Graphics.DrawString(placeAndDate, value, XBrushes.Black, w.Left, lineY - 3, XStringFormats.BottomLeft);

        var signatureX = w.Left + w.TextWidth(placeAndDate, value) + 24;
        if (!organisation.SignatureFacsimile.IsEmpty)
        {
            using var stream = new MemoryStream(organisation.SignatureFacsimile.ToArray(), writable: false);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(SignatureHeight / image.PointHeight, (LineWidth - (signatureX - w.Left)) / image.PointWidth);
            w.Graphics.DrawImage(image, signatureX, lineY - 2 - (image.PointHeight * scale), image.PointWidth * scale, image.PointHeight * scale);
        }

        w.Graphics.DrawLine(new XPen(XColors.Black, 0.6), w.Left, lineY, w.Left + LineWidth, lineY);
        w.Advance(SignatureHeight + 2);
        w.Paragraph(OfficialReceiptWording.SignatureCaption, label, brush: LabelBrush);
        w.Space(2);
        w.Paragraph($"{organisation.SignatoryName}, {organisation.SignatoryFunction}", small);
    }

    private static void DrawVoidMark(XGraphics graphics, PdfPage page, DateOnly withdrawnOn)
    {
        var center = new XPoint(page.Width.Point / 2, page.Height.Point / 2);
        var state = graphics.Save();
        graphics.RotateAtTransform(-35, center);
        graphics.DrawString("STORNIERT", new XFont(ReceiptFonts.Family, 96, XFontStyleEx.Bold), new XSolidBrush(XColor.FromArgb(70, 200, 0, 0)), center, XStringFormats.Center);
        graphics.Restore(state);
        graphics.DrawString(OfficialReceiptWording.WithdrawnMarker(withdrawnOn), new XFont(ReceiptFonts.Family, 9, XFontStyleEx.Bold), VoidBrush, MarginLeft, 20, XStringFormats.TopLeft);
    }

    [GeneratedRegex("tausend(?=[a-zäöüß])", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsBreak();

    /// <summary>
    /// AES-128 with an empty user password (anyone may open and print) and a random owner password that is thrown
    /// away, so nobody, including us, can lift the edit protection; a corrected receipt is a new rendering.
    /// </summary>
    private static void Protect(PdfDocument pdf)
    {
        pdf.SecurityHandler.SetEncryptionToV4UsingAES(encryptMetadata: true);
        var settings = pdf.SecuritySettings;
        settings.OwnerPassword = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings.UserPassword = string.Empty;
        settings.PermitPrint = true;
        settings.PermitFullQualityPrint = true;
        settings.PermitExtractContent = true;
        settings.PermitModifyDocument = false;
        settings.PermitAnnotations = false;
        settings.PermitFormsFill = false;
        settings.PermitAssembleDocument = false;
    }
}
