namespace Kok.Domain.Receipts;

/// <summary>How a receipt is printed: as issued, or as a copy of the frozen original.</summary>
public enum ReceiptPrint
{
    /// <summary>The receipt itself (marked "storniert" once withdrawn, "Entwurf" when a draft).</summary>
    Original,

    /// <summary>
    /// A Zweitschrift (copy): the frozen original reproduced, same number, dates, data, issuer and signatory, marked
    /// "Zweitschrift" on every page.
    /// </summary>
    Zweitschrift,
}
