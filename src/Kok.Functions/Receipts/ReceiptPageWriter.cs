using PdfSharp.Drawing;

namespace Kok.Functions.Receipts;

/// <summary>
/// A top-to-bottom cursor over one page: wraps text at spaces (never hyphenates, so every word of the official
/// wording stays whole), draws tick boxes, and refuses to run past the bottom margin, since a receipt may not
/// exceed one page (the Anlage of a Sammelbestätigung asks <see cref="HasRoom"/> and starts a new page instead).
/// </summary>
internal sealed class ReceiptPageWriter
{
    public const string SoftHyphen = "\u00AD";

    private const double LineSpacing = 1.28;

    private readonly XGraphics graphics;
    private readonly double bottom;

    public ReceiptPageWriter(XGraphics graphics, double left, double top, double width, double bottom)
    {
        this.graphics = graphics;
        Left = left;
        Width = width;
        Y = top;
        this.bottom = bottom;
    }

    public double Left { get; }

    public double Width { get; }

    public double Y { get; private set; }

    public double Right => Left + Width;

    public XGraphics Graphics => graphics;

    public void Space(double points) => Advance(points);

    /// <summary>
    /// Draws <paramref name="text"/> wrapped into the column of <paramref name="width"/> whose top left is
    /// <paramref name="at"/>, and returns the height used.
    /// </summary>
    public double TextBlock(string text, XFont font, XPoint at, double width, XBrush? brush = null)
    {
        var lineHeight = LineHeight(font);
        var lines = Wrap(text, font, width);
        for (var i = 0; i < lines.Count; i++)
        {
            graphics.DrawString(lines[i], font, brush ?? XBrushes.Black, at.X, at.Y + (i * lineHeight), XStringFormats.TopLeft);
        }

        return lines.Count * lineHeight;
    }

    /// <summary>A wrapped paragraph across the full width (or indented), advancing the cursor.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XBrush? brush = null)
    {
        var height = Measure(text, font, Width - indent);
        EnsureRoom(height);
        TextBlock(text, font, new(Left + indent, Y), Width - indent, brush);
        Advance(height);
    }

    /// <summary>A paragraph preceded by a tick box in the left margin of its indent.</summary>
    public void TickedParagraph(string text, XFont font, bool ticked)
    {
        const double Indent = 18;
        var height = Measure(text, font, Width - Indent);
        EnsureRoom(height);
        TickBox(Left, Y + 1.5, ticked);
        TextBlock(text, font, new(Left + Indent, Y), Width - Indent);
        Advance(height);
    }

    public void TickBox(double x, double y, bool ticked)
    {
        const double Size = 8.5;
        var pen = new XPen(XColors.Black, 0.7);
        graphics.DrawRectangle(pen, x, y, Size, Size);
        if (ticked)
        {
            var tick = new XPen(XColors.Black, 1.1);
            graphics.DrawLine(tick, x + 1.6, y + 1.6, x + Size - 1.6, y + Size - 1.6);
            graphics.DrawLine(tick, x + Size - 1.6, y + 1.6, x + 1.6, y + Size - 1.6);
        }
    }

    public double Measure(string text, XFont font, double width) => Wrap(text, font, width).Count * LineHeight(font);

    public double TextWidth(string text, XFont font) => graphics.MeasureString(text, font).Width;

    public static double LineHeight(XFont font) => font.Size * LineSpacing;

    public bool HasRoom(double height) => Y + height <= bottom;

    public void EnsureRoom(double height)
    {
        if (Y + height > bottom)
        {
            throw new InvalidOperationException("The receipt does not fit on one A4 page; shorten the configured texts.");
        }
    }

    public void Advance(double height)
    {
        EnsureRoom(height);
        Y += height;
    }

    /// <summary>
    /// Greedy line filling at spaces. A soft hyphen (U+00AD) marks where a long word may be split: it prints as "-"
    /// at a line end and vanishes elsewhere.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        var words = new Queue<string>(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        while (words.Count > 0)
        {
            var word = words.Dequeue();
            var whole = word.Replace(SoftHyphen, string.Empty, StringComparison.Ordinal);
            var prefix = line.Length == 0 ? string.Empty : line + " ";
            if (TextWidth(prefix + whole, font) <= width)
            {
                line = prefix + whole;
                continue;
            }

            var pieces = word.Split(SoftHyphen);
            var split = Enumerable.Range(1, pieces.Length - 1)
                .Reverse()
                .FirstOrDefault(k => TextWidth(prefix + string.Concat(pieces[..k]) + "-", font) <= width);
            if (split > 0)
            {
                lines.Add(prefix + string.Concat(pieces[..split]) + "-");
                line = string.Empty;
                words = new Queue<string>(new[] { string.Join(SoftHyphen, pieces[split..]) }.Concat(words));
            }
            else if (line.Length > 0)
            {
                lines.Add(line);
                line = string.Empty;
                words = new Queue<string>(new[] { word }.Concat(words));
            }
            else
            {
                var parts = BreakOverlongWord(whole, font, width).ToList();
                lines.AddRange(parts[..^1]);
                line = parts[^1];
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Safety net only: callers size fonts so words fit; a word wider than the column is cut by characters.</summary>
    private IEnumerable<string> BreakOverlongWord(string word, XFont font, double width)
    {
        if (TextWidth(word, font) <= width)
        {
            yield return word;
            yield break;
        }

        var start = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            if (end - start > 1 && TextWidth(word[start..end], font) > width)
            {
                yield return word[start..(end - 1)];
                start = end - 1;
            }
        }

        yield return word[start..];
    }
}
