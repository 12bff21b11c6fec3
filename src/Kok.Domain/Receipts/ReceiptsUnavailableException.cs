namespace Kok.Domain.Receipts;

/// <summary>
/// A receipt is due but none may be issued: the organisation's settings are incomplete or its exemption notice is
/// too old to cite (§ 63 Abs. 5 AO). The message is retried and ends in the poison queue rather than going out
/// without the receipt the supporter asked for; after fixing the settings, replay it.
/// </summary>
public sealed class ReceiptsUnavailableException : Exception
{
    public ReceiptsUnavailableException()
    {
    }

    public ReceiptsUnavailableException(string message)
        : base(message)
    {
    }

    public ReceiptsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReceiptsUnavailableException(ReceiptIssueBlocker blocker)
        : base((blocker ?? throw new ArgumentNullException(nameof(blocker))).English)
    {
        Blocker = blocker;
    }

    /// <summary>Why, in words for the office, when the organisation's settings are the cause.</summary>
    public ReceiptIssueBlocker? Blocker { get; }
}
