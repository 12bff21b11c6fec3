namespace Kok.Domain.Receipts;

/// <summary>What <see cref="SendReceiptMail"/> did with one request.</summary>
public enum ReceiptMailOutcome
{
    /// <summary>The mail went out now.</summary>
    Sent,

    /// <summary>The mail service refused the mail for good; the mail log records it as failed with the reason.</summary>
    Rejected,

    /// <summary>An earlier delivery of this request already sent the mail or ended it for good.</summary>
    AlreadyHandled,

    /// <summary>The payment calls for no mail (a later monthly payment; a refund of a payment without receipt).</summary>
    NoMailDue,

    /// <summary>The payment failed: nothing to thank for.</summary>
    PaymentFailed,

    /// <summary>The payment was refunded before its thank-you went out; the refund request handles any receipt.</summary>
    PaymentRefunded,

    /// <summary>The receipt was withdrawn; no mail, because the receipt mail never reached the supporter.</summary>
    Withdrawn,

    /// <summary>The mail was dropped because its receipt was withdrawn meanwhile; logged as failed.</summary>
    Skipped,

    /// <summary>The subject does not exist: the message can never succeed.</summary>
    SubjectNotFound,
}
