namespace Kok.Domain.Receipts;

/// <summary>
/// Turns a frozen receipt into the write-protected document the supporter receives (a PDF in production).
/// Must follow the official pattern (BMF 2013, Anlage 3) word for word and fit one A4 page.
/// </summary>
public interface IReceiptRenderer
{
    byte[] Render(ReceiptDocument document, OrganisationProfile organisation);
}
