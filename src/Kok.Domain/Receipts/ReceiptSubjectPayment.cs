using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// One payment of a subject (a donation; later a membership's dues) as the receipt mailer needs it, whatever the
/// subject's own model. Personal data: a class, not a record, so it cannot be printed by accident.
/// </summary>
public sealed class ReceiptSubjectPayment
{
    public required ReceiptPaymentKey Key { get; init; }

    public required ReceiptPaymentState State { get; init; }

    /// <summary>What was paid; zero while the payment is unknown.</summary>
    public required long AmountCents { get; init; }

    /// <summary>The "Tag der Zuwendung" (German calendar date); null until paid.</summary>
    public required DateOnly? PaidOn { get; init; }

    public required MailRecipient Recipient { get; init; }

    public required MailLanguage Language { get; init; }

    /// <summary>The name to print on a receipt.</summary>
    public required string ReceiptName { get; init; }

    /// <summary>The address to print on a receipt; empty when none is known (then no receipt can be issued).</summary>
    public required IReadOnlyList<string> ReceiptAddressLines { get; init; }

    /// <summary>Whether the supporter asked for a Zuwendungsbestätigung.</summary>
    public required bool WantsReceipt { get; init; }

    /// <summary>The mail this payment calls for once paid.</summary>
    public required PaidPaymentMail PaidMail { get; init; }

    /// <summary>
    /// The mail log's subject id for <see cref="PaidMail"/>: the payment key for per-payment mails, the subject
    /// (<see cref="ReceiptPaymentKey.SubjectKey"/>) for mails sent once per subject.
    /// </summary>
    public required string PaidMailSubjectId { get; init; }

    /// <summary>The provider's code of the payment's latest failure, for the failed-payment mail; null if none.</summary>
    public string? FailureCode { get; init; }

    /// <summary>A monthly donation that ended because its payments failed (the last mail is due).</summary>
    public bool EndedForFailedPayments { get; init; }

    /// <summary>The subject ended (for any reason); false while a donation still runs.</summary>
    public bool Ended { get; init; }

    /// <summary>The provider retries a failed payment of this subject (a monthly donation's), so "failed" may not be final.</summary>
    public bool FailureMayBeRetried { get; init; }

    /// <summary>The reference code of a donation by bank transfer, for its instructions mail; null otherwise.</summary>
    public BankTransfers.ReferenceCode? TransferCode { get; init; }

    /// <summary>The amount the supporter means to give (the payment's own amount is zero until it is known).</summary>
    public long AskedAmountCents { get; init; }
}
