namespace Kok.Domain.Donations;

/// <summary>
/// State of one payment. Precedence, whatever order the provider's events come in:
/// Refunded over Returned over Disputed over Paid over Failed over Processing. Refunded and Returned are terminal;
/// a won dispute makes a disputed payment paid again.
/// </summary>
public enum PaymentStatus
{
    Processing,
    Paid,
    Failed,
    Refunded,

    /// <summary>Paid, then taken back by the payer's bank: a returned debit or a lost dispute. The money is gone.</summary>
    Returned,

    /// <summary>Paid, and the payer's bank has reclaimed it: held back until the dispute is decided.</summary>
    Disputed,
}
