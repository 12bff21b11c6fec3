namespace Kok.Domain.Receipts;

/// <summary>
/// Asks the receipt mailer to thank for and, where wanted, confirm one paid payment: a Zuwendungsbestätigung
/// (German tax receipt for a donation). Carries ids only: the consumer loads everything else, so no personal data
/// sits in the queue. Delivery is at least once; the consumer must act at most once per <see cref="PaymentId"/> and
/// must re-check that the payment is still paid.
/// </summary>
public sealed record ReceiptMailRequest(ReceiptSubjectKind SubjectKind, string SubjectId, string PaymentId);
