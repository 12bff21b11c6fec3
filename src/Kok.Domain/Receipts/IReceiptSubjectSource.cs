namespace Kok.Domain.Receipts;

/// <summary>
/// Loads the payments of one <see cref="ReceiptSubjectKind"/> for the receipt mailer and applies that kind's mail
/// rules (<see cref="ReceiptSubjectPayment.PaidMail"/>). One implementation per kind; adding membership dues means
/// adding one source.
/// </summary>
public interface IReceiptSubjectSource
{
    ReceiptSubjectKind Kind { get; }

    /// <summary>
    /// The payment, or null when the subject does not exist or the ids are malformed (a message that can never
    /// succeed). A subject that exists but does not know the payment yet gives <see cref="ReceiptPaymentState.Unknown"/>.
    /// </summary>
    Task<ReceiptSubjectPayment?> LoadAsync(string subjectId, string paymentId, CancellationToken cancellationToken);
}
