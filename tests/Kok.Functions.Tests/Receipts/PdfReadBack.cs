using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Kok.Functions.Tests.Receipts;

/// <summary>Reads a rendered receipt back the way a PDF viewer would, with PdfPig.</summary>
internal sealed class PdfReadBack : IDisposable
{
    private readonly PdfDocument document;

    public PdfReadBack(byte[] pdf)
    {
        document = PdfDocument.Open(pdf);
    }

    public PdfDocument Document => document;

    /// <summary>All words of page 1 in drawing order, joined by single spaces.</summary>
    public string Text => string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text));

    public Page Page => document.GetPage(1);

    public Word Word(string text) => Page.GetWords().Single(w => w.Text == text);

    /// <summary>
    /// Counts diagonal strokes (a tick is two) between <paramref name="fromX"/> and <paramref name="toX"/> within the
    /// height band of <paramref name="word"/>.
    /// </summary>
    public int DiagonalStrokesBeside(Word word, double fromX, double toX)
    {
        var bottom = word.BoundingBox.Bottom - 4;
        var top = word.BoundingBox.Top + 4;
        return Page.Paths
            .SelectMany(path => path)
            .SelectMany(subpath => subpath.Commands.OfType<PdfSubpath.Line>())
            .Count(line => line.From.X != line.To.X && line.From.Y != line.To.Y
                && Within(line.From, fromX, toX, bottom, top) && Within(line.To, fromX, toX, bottom, top));
    }

    /// <summary>
    /// The words of a page in the order they were drawn, joined by single spaces: a word ends at a space and where the
    /// next letter does not continue the previous one's baseline (a new line, cell or column). So a passage wrapped
    /// over several lines or drawn in a table cell reads back whole, whatever the layout around it.
    /// </summary>
    public string DrawnText(int pageNumber)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        Letter? previous = null;
        foreach (var letter in document.GetPage(pageNumber).Letters)
        {
            var blank = string.IsNullOrWhiteSpace(letter.Value);
            if (blank || (previous is not null && !Continues(previous, letter)))
            {
                Flush();
            }

            if (!blank)
            {
                word.Append(letter.Value);
            }

            previous = letter;
        }

        Flush();
        return string.Join(' ', words);

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>The /Encrypt dictionary of the file.</summary>
    public DictionaryToken EncryptionDictionary
    {
        get
        {
            var token = document.Structure.Trailer.EncryptionToken ?? throw new InvalidOperationException("Not encrypted.");
            if (token is IndirectReferenceToken reference)
            {
                token = document.Structure.GetObject(reference.Data).Data;
            }

            return (DictionaryToken)token;
        }
    }

    /// <summary>The /P permission flags (PDF 32000-1, table 22).</summary>
    public int Permissions => ((NumericToken)EncryptionDictionary.Data["P"]).Int;

    public void Dispose() => document.Dispose();

    private static bool Continues(Letter previous, Letter next)
    {
        var dx = next.StartBaseLine.X - previous.EndBaseLine.X;
        var dy = next.StartBaseLine.Y - previous.EndBaseLine.Y;
        return Math.Sqrt((dx * dx) + (dy * dy)) < 0.3 * Math.Max(next.PointSize, 1);
    }

    private static bool Within(PdfPoint point, double fromX, double toX, double bottom, double top) =>
        point.X >= fromX && point.X <= toX && point.Y >= bottom && point.Y <= top;
}
