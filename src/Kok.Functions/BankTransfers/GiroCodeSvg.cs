using QRCoder;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// Draws a GiroCode payload (<see cref="Kok.Domain.BankTransfers.GiroCode"/>) as an SVG QR code: error correction
/// level M and UTF-8 without byte-order mark or ECI marker, as EPC069-12 asks; sized by its viewBox so a page scales it.
/// </summary>
public static class GiroCodeSvg
{
    public static string Render(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
