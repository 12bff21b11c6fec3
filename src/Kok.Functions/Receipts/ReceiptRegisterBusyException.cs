namespace Kok.Functions.Receipts;

/// <summary>
/// The register lost the race for the next number too often in a row. Transient: the queue retries the message,
/// and no number was taken.
/// </summary>
public sealed class ReceiptRegisterBusyException : Exception
{
    public ReceiptRegisterBusyException()
    {
    }

    public ReceiptRegisterBusyException(string message)
        : base(message)
    {
    }

    public ReceiptRegisterBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
