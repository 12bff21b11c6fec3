namespace Kok.Domain.Receipts;

/// <summary>Which official pattern a receipt follows (BMF 2013).</summary>
public enum ReceiptForm
{
    /// <summary>Einzelbestätigung (single receipt, Anlage 3): one payment.</summary>
    Einzelbestaetigung,

    /// <summary>
    /// Sammelbestätigung (consolidated receipt, Anlage 14): several payments of one donor in a period, listed in the
    /// "Anlage zur Sammelbestätigung", with their total on page 1.
    /// </summary>
    Sammelbestaetigung,
}
