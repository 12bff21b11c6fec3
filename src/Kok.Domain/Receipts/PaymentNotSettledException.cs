namespace Kok.Domain.Receipts;

/// <summary>
/// The request is about a state the payment does not show yet: the queue message overtook the save of the event
/// that sent it. Transient: the queue retries the message.
/// </summary>
public sealed class PaymentNotSettledException : Exception
{
    public PaymentNotSettledException()
    {
    }

    public PaymentNotSettledException(string message)
        : base(message)
    {
    }

    public PaymentNotSettledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
