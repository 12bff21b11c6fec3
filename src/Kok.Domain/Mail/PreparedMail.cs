namespace Kok.Domain.Mail;

/// <summary>
/// What <see cref="MailDispatcher"/> is to send, made only once the mail is claimed: the mail, or the reason it must
/// not go out after all. <see cref="ReceiptNumber"/> goes into the log with either.
/// </summary>
public sealed class PreparedMail
{
    private PreparedMail(MailMessage? message, string? skipReason, string? receiptNumber)
    {
        Message = message;
        SkipReason = skipReason;
        ReceiptNumber = receiptNumber;
    }

    public MailMessage? Message { get; }

    public string? SkipReason { get; }

    public string? ReceiptNumber { get; }

    public static PreparedMail Send(MailMessage message, string? receiptNumber = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new PreparedMail(message, null, receiptNumber);
    }

    public static PreparedMail Skip(string reason, string? receiptNumber = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new PreparedMail(null, reason, receiptNumber);
    }
}
