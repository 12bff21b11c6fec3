namespace Kok.Domain.Dashboard;

/// <summary>
/// The codes the dashboard API puts in its problem answers (<c>code</c>, and per field in <c>errorCodes</c> next to
/// <c>errors</c>), so the dashboard page can say what went wrong in its reader's language instead of showing the
/// server's text. The bank transfer form's field codes are in <see cref="Dues.BankTransferFormValidator"/>.
/// </summary>
public static class StaffErrorCodes
{
    /// <summary>A 400: the fields named in <c>errors</c> / <c>errorCodes</c> are wrong.</summary>
    public const string InvalidFields = "invalid_fields";

    public const string MemberNotFound = "member_not_found";
    public const string QueueNotFound = "queue_not_found";

    /// <summary>Remind: the member is neither overdue nor lapsed.</summary>
    public const string NothingOutstanding = "nothing_outstanding";

    /// <summary>Bank transfer: the period is paid already (a second submit).</summary>
    public const string AlreadyPaid = "already_paid";

    /// <summary>Bank transfer: a card or SEPA payment of the period is still under way.</summary>
    public const string PaymentInProgress = "payment_in_progress";

    /// <summary>Bank transfer: no dues are payable.</summary>
    public const string NothingPayable = "nothing_payable";

    /// <summary>Field <c>amountCents</c>: less than the period's dues (argument <c>minimumCents</c>).</summary>
    public const string BelowDues = "below_dues";

    /// <summary>Field <c>body</c>: larger than allowed (argument <c>maxBytes</c>).</summary>
    public const string BodyTooLarge = "body_too_large";

    /// <summary>Field <c>body</c>: not a JSON object.</summary>
    public const string BodyNotObject = "body_not_object";

    /// <summary>No receipt has this number.</summary>
    public const string ReceiptNotFound = "receipt_not_found";

    /// <summary>The receipt was withdrawn already; a withdrawn receipt is not corrected again.</summary>
    public const string ReceiptAlreadyWithdrawn = "receipt_already_withdrawn";

    /// <summary>The year is not over yet: a Sammelbestätigung is issued after its period.</summary>
    public const string YearNotOver = "year_not_over";

    /// <summary>Receipts are blocked (exemption notice too old or settings missing); the problem names what to update.</summary>
    public const string ReceiptsBlocked = "receipts_blocked";

    /// <summary>No donor group of the year has a payment to confirm, so there is no sample.</summary>
    public const string NothingToConfirm = "nothing_to_confirm";

    /// <summary>No unmatched statement entry has this identity.</summary>
    public const string BankEntryNotFound = "bank_entry_not_found";

    /// <summary>Staff decided about this statement entry already (a second decision).</summary>
    public const string BankEntryDecided = "bank_entry_decided";

    /// <summary>The donation waits for no receipt address: it has one and its receipt already, or it is not paid.</summary>
    public const string ReceiptAddressNotWanted = "receipt_address_not_wanted";
}
