using System.Reflection;
using PdfSharp.Fonts;

namespace Kok.Functions.Receipts;

/// <summary>
/// Serves the Liberation Sans files embedded in this assembly to PDFsharp, whatever family is asked for. PDFsharp's
/// Core build finds no system fonts on Linux, and a receipt must look the same on every machine.
/// </summary>
internal sealed class ReceiptFonts : IFontResolver
{
    public const string Family = "Liberation Sans";

    private const string RegularFace = "LiberationSans-Regular";
    private const string BoldFace = "LiberationSans-Bold";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, byte[]> Faces = new(StringComparer.Ordinal)
    {
        [RegularFace] = Load(RegularFace),
        [BoldFace] = Load(BoldFace),
    };

    /// <summary>
    /// Installs the resolver. PDFsharp keeps it in a process-wide static that may be set only once, so this is
    /// idempotent; a resolver set by someone else is left alone (it then has to serve <see cref="Family"/>).
    /// </summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new ReceiptFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var data) ? data : null;

    private static byte[] Load(string face)
    {
        var name = $"Kok.Functions.Receipts.Fonts.{face}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
