namespace Kok.Domain.Receipts;

/// <summary>
/// Turns a frozen receipt into the write-protected document the supporter receives (a PDF in production), following
/// the official pattern word for word: an Einzelbestätigung (BMF 2013, Anlage 3) on one A4 page, a
/// Sammelbestätigung (Anlage 14) on one A4 page plus its Anlage over as many pages as its payments need. The
/// document's frozen issuer is printed; <c>organisation</c> (today's settings) only for receipts frozen without one.
/// Withdrawn receipts are marked "storniert", drafts "Entwurf" on every page.
/// </summary>
public interface IReceiptRenderer
{
    byte[] Render(ReceiptDocument document, OrganisationProfile organisation);

    /// <summary>As above; <see cref="ReceiptPrint.Zweitschrift"/> marks a copy of the issued receipt.</summary>
    byte[] Render(ReceiptDocument document, OrganisationProfile organisation, ReceiptPrint print);
}
