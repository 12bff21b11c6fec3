using Kok.Domain.Common;

namespace Kok.Domain.Receipts;

/// <summary>
/// The request is about a state the payment does not show yet: the queue message overtook the save of the event
/// that sent it. Not yet: the queue function puts the message back for later.
/// </summary>
public sealed class PaymentNotSettledException : NotYetException
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
