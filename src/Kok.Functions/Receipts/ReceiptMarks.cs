using Kok.Domain.Receipts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kok.Functions.Receipts;

/// <summary>
/// What is drawn over a finished page, last so it lies on top: the page line of a Sammelbestätigung (number and
/// "Seite x von y"), and the markings that keep a print from passing for what it is not: "STORNIERT" across a
/// withdrawn receipt, "Zweitschrift" on a copy, "Entwurf — keine gültige Zuwendungsbestätigung" across a draft.
/// Every page gets them.
/// </summary>
internal static class ReceiptMarks
{
    private static readonly XBrush MarkBrush = new XSolidBrush(XColor.FromArgb(200, 0, 0));
    private static readonly XBrush WatermarkBrush = new XSolidBrush(XColor.FromArgb(70, 200, 0, 0));
    private static readonly XBrush FooterBrush = new XSolidBrush(XColor.FromArgb(60, 60, 60));

    public static void DrawPageLine(XGraphics graphics, PdfPage page, ReceiptDocument document, (int Page, int Pages) position, double marginLeft)
    {
        var font = new XFont(ReceiptFonts.Family, 8);
        var y = page.Height.Point - 30;
        var right = page.Width.Point - marginLeft;
        var pageOf = OfficialReceiptWording.PageOf(position.Page, position.Pages);
        graphics.DrawString(OfficialReceiptWording.AnnualNumberLine(document.Number), font, FooterBrush, marginLeft, y, XStringFormats.TopLeft);
        graphics.DrawString(pageOf, font, FooterBrush, right - graphics.MeasureString(pageOf, font).Width, y, XStringFormats.TopLeft);
    }

    public static void Draw(XGraphics graphics, PdfPage page, ReceiptDocument document, ReceiptPrint print, double marginLeft)
    {
        var right = page.Width.Point - marginLeft;
        var markWidth = 0.0;
        if (print == ReceiptPrint.Zweitschrift)
        {
            var copyFont = new XFont(ReceiptFonts.Family, 12, XFontStyleEx.Bold);
            markWidth = graphics.MeasureString(OfficialReceiptWording.CopyMarker, copyFont).Width;
            graphics.DrawString(OfficialReceiptWording.CopyMarker, copyFont, MarkBrush, right - markWidth, 16, XStringFormats.TopLeft);
        }

        if (document.WithdrawnOn is { } withdrawnOn)
        {
            Diagonal(graphics, page, "STORNIERT", 96);
            var font = new XFont(ReceiptFonts.Family, 9, XFontStyleEx.Bold);
            var text = OfficialReceiptWording.WithdrawnMarker(withdrawnOn, document.ReplacedBy);
            var width = right - marginLeft - (markWidth > 0 ? markWidth + 12 : 0);
            var writer = new ReceiptPageWriter(graphics, marginLeft, 20, width, page.Height.Point);
            writer.TextBlock(text, font, new(marginLeft, 20), width, MarkBrush);
        }

        if (document.IsDraft)
        {
            Diagonal(graphics, page, OfficialReceiptWording.DraftMarker, size: null);
        }
    }

    /// <summary>Text across the page's diagonal; sized to fill most of it when <paramref name="size"/> is null.</summary>
    private static void Diagonal(XGraphics graphics, PdfPage page, string text, double? size)
    {
        var width = page.Width.Point;
        var height = page.Height.Point;
        var angle = -Math.Atan2(height, width) * 180 / Math.PI;
        var diagonal = Math.Sqrt((width * width) + (height * height));
        var fontSize = size ?? Math.Floor(0.68 * diagonal * 10 / graphics.MeasureString(text, new XFont(ReceiptFonts.Family, 10, XFontStyleEx.Bold)).Width);
        var center = new XPoint(width / 2, height / 2);
        var state = graphics.Save();
        graphics.RotateAtTransform(size is null ? angle : -35, center);
        graphics.DrawString(text, new XFont(ReceiptFonts.Family, fontSize, XFontStyleEx.Bold), WatermarkBrush, center, XStringFormats.Center);
        graphics.Restore(state);
    }
}
