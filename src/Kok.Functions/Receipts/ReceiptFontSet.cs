using PdfSharp.Drawing;

namespace Kok.Functions.Receipts;

/// <summary>The type sizes of a receipt, all Liberation Sans (<see cref="ReceiptFonts"/>, embedded).</summary>
internal sealed class ReceiptFontSet
{
    public XFont Label { get; } = new(ReceiptFonts.Family, 8);

    public XFont LabelBold { get; } = new(ReceiptFonts.Family, 8, XFontStyleEx.Bold);

    public XFont Body { get; } = new(ReceiptFonts.Family, 10);

    public XFont BodyBold { get; } = new(ReceiptFonts.Family, 10, XFontStyleEx.Bold);

    public XFont Value { get; } = new(ReceiptFonts.Family, 11);

    public XFont ValueBold { get; } = new(ReceiptFonts.Family, 11, XFontStyleEx.Bold);

    public XFont Title { get; } = new(ReceiptFonts.Family, 14.5, XFontStyleEx.Bold);

    public XFont Heading { get; } = new(ReceiptFonts.Family, 12, XFontStyleEx.Bold);

    public XFont Small { get; } = new(ReceiptFonts.Family, 8.5);

    public XFont SmallBold { get; } = new(ReceiptFonts.Family, 8.5, XFontStyleEx.Bold);
}
