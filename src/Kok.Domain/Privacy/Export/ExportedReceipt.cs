using Kok.Domain.Receipts;

namespace Kok.Domain.Privacy.Export;

/// <summary>
/// A receipt (Zuwendungsbestätigung) as the register holds it, with the archived PDF itself (base64) and, for a
/// withdrawn one, the copy marked "storniert"; <see cref="DownloadPath"/> serves the same file to whoever asked.
/// </summary>
public sealed record ExportedReceipt(
    string Number,
    ReceiptForm Form,
    long AmountCents,
    DateOnly IssueDate,
    string DonorName,
    IReadOnlyList<string> DonorAddressLines,
    DateOnly? WithdrawnOn,
    string? ReplacedBy,
    string DownloadPath)
{
    /// <summary>The archived PDF as sent (base64); null when the archive holds none (issued before archiving began).</summary>
    public string? PdfBase64 { get; init; }

    /// <summary>The archived copy marked "storniert" of a withdrawn receipt (base64), else null.</summary>
    public string? WithdrawnPdfBase64 { get; init; }

    public static ExportedReceipt Of(IssuedReceipt receipt, ExportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var document = receipt.Document;
        var number = Uri.EscapeDataString(document.Number);
        return new ExportedReceipt(
            document.Number, document.Form, document.AmountCents, document.IssueDate, document.DonorName, document.DonorAddressLines,
            document.WithdrawnOn, document.ReplacedBy,
            audience == ExportAudience.Staff ? $"/api/dashboard/receipts/{number}/pdf" : $"/api/me/receipts/{number}/pdf");
    }
}
