namespace Kok.Domain.Receipts;

/// <summary>Which notice of the Finanzamt (tax office) the organisation's tax privilege rests on.</summary>
public enum TaxExemptionNotice
{
    /// <summary>
    /// Freistellungsbescheid (or Anlage zum Körperschaftsteuerbescheid): exemption after an assessment; receipts may
    /// cite it for five years from its date (§ 63 Abs. 5 AO).
    /// </summary>
    Freistellungsbescheid,

    /// <summary>
    /// Feststellungsbescheid nach § 60a AO: the statutes were found to meet §§ 51, 59, 60, 61 AO (typical for new
    /// organisations); receipts may cite it for three years from its date.
    /// </summary>
    Feststellungsbescheid,
}
