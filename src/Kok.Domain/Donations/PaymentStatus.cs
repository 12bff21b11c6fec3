namespace Kok.Domain.Donations;

/// <summary>
/// State of one payment. Precedence, whatever order the provider's events come in:
/// Refunded over Paid over Failed over Processing. Refunded is terminal.
/// </summary>
public enum PaymentStatus
{
    Processing,
    Paid,
    Failed,
    Refunded,
}
