using Kok.Domain.Receipts;

namespace Kok.Domain.SelfService;

/// <summary>
/// A receipt (Zuwendungsbestätigung, single or Sammelbestätigung) as the supporter sees it, with the path that
/// downloads the archived PDF itself.
/// </summary>
public sealed record SupporterReceiptView(
    string Number,
    ReceiptForm Form,
    long AmountCents,
    DateOnly IssueDate,
    DateOnly? WithdrawnOn,
    string DownloadPath)
{
    public static SupporterReceiptView Of(IssuedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var document = receipt.Document;
        return new SupporterReceiptView(
            document.Number, document.Form, document.AmountCents, document.IssueDate, document.WithdrawnOn,
            $"/api/me/receipts/{Uri.EscapeDataString(document.Number)}/pdf");
    }
}
