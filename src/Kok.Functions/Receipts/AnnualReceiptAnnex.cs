using Kok.Domain.Receipts;
using PdfSharp.Drawing;

namespace Kok.Functions.Receipts;

/// <summary>
/// The "Anlage zur Sammelbestätigung vom …" (BMF 2013, Anlage 14): every payment with its date, kind, Verzicht
/// (ja/nein) and amount, then the "Gesamtsumme" equal to page 1. As many pages as the lines need; each repeats the
/// heading (with the receipt number and the donor's name) and the table's header row, and the total row always shares
/// a page with at least the last payment.
/// </summary>
internal static class AnnualReceiptAnnex
{
    private const double Padding = 4;

    private static readonly XPen Rule = new(XColors.Black, 0.6);

    /// <summary>Draws the Anlage, asking <paramref name="newPage"/> for each page it needs.</summary>
    public static void Draw(ReceiptDocument document, Func<ReceiptPageWriter> newPage, ReceiptFontSet fonts)
    {
        var lines = document.Lines;
        var w = StartPage(newPage(), document, fonts);
        for (var i = 0; i < lines.Count; i++)
        {
            var last = i == lines.Count - 1;
            var needed = RowHeight(fonts) * (last ? 2 : 1);
            if (!w.HasRoom(needed))
            {
                w = StartPage(newPage(), document, fonts);
            }

            var line = lines[i];
            DrawRow(
                w,
                [GermanDate.Format(line.PaymentDate), OfficialReceiptWording.KindName(line.Kind), OfficialReceiptWording.WaiverAnswer(line.IsWaiverOfExpenseReimbursement), GermanAmountInFigures.Format(line.AmountCents)],
                fonts.Body);
        }

        DrawRow(w, [OfficialReceiptWording.AnnexTotal, string.Empty, string.Empty, GermanAmountInFigures.Format(document.AmountCents)], fonts.BodyBold);
    }

    private static ReceiptPageWriter StartPage(ReceiptPageWriter w, ReceiptDocument document, ReceiptFontSet fonts)
    {
        var number = "Nr. " + document.Number;
        w.Paragraph(OfficialReceiptWording.AnnexHeading(document.IssueDate), fonts.Heading);
        w.Graphics.DrawString(number, fonts.BodyBold, XBrushes.Black, w.Right - w.TextWidth(number, fonts.BodyBold), w.Y - ReceiptPageWriter.LineHeight(fonts.Heading), XStringFormats.TopLeft);
        w.Space(4);
        w.Paragraph(document.DonorName, fonts.Value);
        w.Space(14);
        DrawRow(
            w,
            [OfficialReceiptWording.AnnexDateColumn, OfficialReceiptWording.AnnexKindColumn, OfficialReceiptWording.AnnexWaiverColumn, OfficialReceiptWording.AnnexAmountColumn],
            fonts.LabelBold);
        return w;
    }

    private static double RowHeight(ReceiptFontSet fonts) => ReceiptPageWriter.LineHeight(fonts.Body) + (2 * Padding);

    /// <summary>One table row, cells wrapped in their columns and bordered; the amount column right-aligned.</summary>
    private static void DrawRow(ReceiptPageWriter w, string[] cells, XFont font)
    {
        var widths = ColumnWidths(w.Width);
        var height = cells.Select((cell, i) => w.Measure(cell, font, widths[i] - (2 * Padding))).Max() + (2 * Padding);
        w.EnsureRoom(height);
        var x = w.Left;
        for (var i = 0; i < cells.Length; i++)
        {
            w.Graphics.DrawRectangle(Rule, x, w.Y, widths[i], height);
            var inner = widths[i] - (2 * Padding);
            var right = i == cells.Length - 1 && w.Measure(cells[i], font, inner) <= ReceiptPageWriter.LineHeight(font);
            var textX = right ? x + widths[i] - Padding - w.TextWidth(cells[i], font) : x + Padding;
            w.TextBlock(cells[i], font, new(textX, w.Y + Padding), inner);
            x += widths[i];
        }

        w.Advance(height);
    }

    /// <summary>Datum | Art der Zuwendung | Verzicht | Betrag: wide enough that no word of the header row breaks.</summary>
    private static double[] ColumnWidths(double width) => [90, 165, 130, width - 385];
}
