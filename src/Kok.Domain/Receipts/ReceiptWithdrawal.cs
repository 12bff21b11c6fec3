namespace Kok.Domain.Receipts;

/// <summary>
/// Why and when a receipt was withdrawn (storniert). The number stays taken; the reason is kept with the receipt so
/// the register explains every void number. A class, not a record: staff may write personal details into the reason.
/// </summary>
public sealed class ReceiptWithdrawal
{
    public const int MaxReasonLength = 500;

    /// <summary>The reason recorded when a refund withdraws a receipt.</summary>
    public const string RefundReason = "Zahlung erstattet";

    public ReceiptWithdrawal(DateOnly on, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var flat = string.Join(' ', reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(flat.Length, MaxReasonLength, nameof(reason));
        On = on;
        Reason = flat;
    }

    public DateOnly On { get; }

    public string Reason { get; }

    /// <summary>The same reason on <paramref name="date"/> if that is later: a receipt is never withdrawn before its issue.</summary>
    public ReceiptWithdrawal NotBefore(DateOnly date) => On < date ? new ReceiptWithdrawal(date, Reason) : this;
}
