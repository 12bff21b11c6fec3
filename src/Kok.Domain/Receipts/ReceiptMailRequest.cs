namespace Kok.Domain.Receipts;

/// <summary>
/// Asks the receipt mailer to thank for and, where wanted, confirm one paid payment with a Zuwendungsbestätigung
/// (German tax receipt for a donation), or, with <see cref="ReceiptMailPurpose.Refunded"/>, to withdraw the receipt
/// of a refunded payment. Carries ids only: the consumer loads everything else, so no personal data sits in the
/// queue. Delivery is at least once and may come before the payment's new state is saved; the consumer acts at most
/// once per payment and re-checks the payment's state (<see cref="SendReceiptMail"/>).
/// </summary>
public sealed record ReceiptMailRequest(
    ReceiptSubjectKind SubjectKind,
    string SubjectId,
    string PaymentId,
    ReceiptMailPurpose Purpose = ReceiptMailPurpose.Paid);
