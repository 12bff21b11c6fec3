using System.Globalization;
using System.Text.RegularExpressions;
using Kok.Domain.BankTransfers;
using Kok.Functions.BankTransfers;
using ZXing;
using ZXing.Common;

namespace Kok.Functions.Tests.BankTransfers;

public sealed partial class GiroCodeSvgTests
{
    private static readonly BankAccount Account = new("KOK e.V. – Bündnis gegen Menschenhandel", "DE02120300000000202051", "BYLADEM1001", "Beispielbank");

    [Fact]
    public void A_banking_app_reads_the_account_the_amount_and_the_reference_code_back_from_the_svg()
    {
        var code = ReferenceCode.Derive("don_example", "transfer");
        var payload = GiroCode.Payload(Account, 25_50, code);

        var decoded = Decode(GiroCodeSvg.Render(payload));

        Assert.Equal(payload, decoded);
        var lines = decoded.Split('\n');
        Assert.Equal(["BCD", "002", "1", "SCT", "BYLADEM1001", "KOK e.V. – Bündnis gegen Menschenhandel", "DE02120300000000202051", "EUR25.50", "", "", code.Value], lines);
    }

    [Fact]
    public void The_svg_scales_with_its_view_box_and_draws_dark_on_light()
    {
        var svg = GiroCodeSvg.Render(GiroCode.Payload(Account, 1, ReferenceCode.Derive("x")));

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox=", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("width=\"", svg.Split('>')[0], StringComparison.Ordinal);
    }

    /// <summary>Rasterises the SVG's module runs (QRCoder writes "Mx yhWv1h-Wz" per run) and decodes it with ZXing.</summary>
    private static string Decode(string svg)
    {
        const int Scale = 4;
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        var pixels = new byte[size * Scale * size * Scale];
        Array.Fill(pixels, (byte)255);
        foreach (Match run in Run().Matches(svg))
        {
            var x = int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture);
            var width = int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture);
            for (var py = y * Scale; py < (y + 1) * Scale; py++)
            {
                Array.Fill(pixels, (byte)0, (py * size * Scale) + (x * Scale), width * Scale);
            }
        }

        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], CharacterSet = "UTF-8", PureBarcode = true },
        };
        var result = reader.Decode(new RGBLuminanceSource(pixels, size * Scale, size * Scale, RGBLuminanceSource.BitmapFormat.Gray8));
        Assert.NotNull(result);
        return result.Text;
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\d+\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z")]
    private static partial Regex Run();
}
