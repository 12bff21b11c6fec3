namespace Kok.Domain.Receipts;

/// <summary>
/// A receipt was asked for payments of which some already have another receipt. Nothing was written and no number
/// taken: a payment is confirmed once (single or annual). The keys (ids only) say which; drop them and ask again.
/// </summary>
public sealed class ReceiptPaymentsAlreadyConfirmedException : Exception
{
    public ReceiptPaymentsAlreadyConfirmedException()
    {
    }

    public ReceiptPaymentsAlreadyConfirmedException(string message)
        : base(message)
    {
    }

    public ReceiptPaymentsAlreadyConfirmedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReceiptPaymentsAlreadyConfirmedException(IReadOnlyList<ReceiptPaymentKey> paymentKeys)
        : base("Already confirmed by another receipt: " + string.Join(", ", paymentKeys ?? throw new ArgumentNullException(nameof(paymentKeys))))
    {
        PaymentKeys = paymentKeys;
    }

    public IReadOnlyList<ReceiptPaymentKey> PaymentKeys { get; } = [];
}
