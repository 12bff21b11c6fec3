namespace Kok.Domain.Receipts;

/// <summary>
/// One payment as a receipt states it: the "Tag der Zuwendung", the "Art der Zuwendung" (Geldzuwendung or
/// Mitgliedsbeitrag) and the amount. The Verzicht auf Erstattung von Aufwendungen (waiver of expenses) is always
/// "nein": machine-made receipts cannot confirm one (R 10b.1 Abs. 4 Satz 3 EStR). Ids and money only, no personal data.
/// </summary>
public sealed record ReceiptLine
{
    public ReceiptLine(DateOnly paymentDate, ReceiptKind kind, long amountCents)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amountCents, GermanAmountInWords.MaxCents);
        PaymentDate = paymentDate;
        Kind = kind;
        AmountCents = amountCents;
    }

    /// <summary>"Datum der Zuwendung": the day the money arrived (German calendar date).</summary>
    public DateOnly PaymentDate { get; }

    public ReceiptKind Kind { get; }

    public long AmountCents { get; }

    /// <summary>"Verzicht auf die Erstattung von Aufwendungen (ja/nein)": always false here.</summary>
    public bool IsWaiverOfExpenseReimbursement { get; }
}
