namespace Kok.Domain.Dues;

/// <summary>
/// The association's SEPA creditor identifier (Gläubiger-Identifikationsnummer, e.g. <c>DE98ZZZ09999999999</c>),
/// which every SEPA pre-notification must name together with the mandate reference.
/// </summary>
public sealed record SepaCreditor(string CreditorId);
