namespace Kok.Domain.Dues;

/// <summary>
/// Dues that arrived as a bank transfer (Überweisung) on KOK's account, as staff enter them from the bank statement:
/// the amount, the day it arrived and the transfer's reference (Verwendungszweck). Validated by
/// <see cref="BankTransferFormValidator"/>.
/// </summary>
public sealed record BankTransfer(long AmountCents, DateOnly PaidOn, string Reference)
{
    public const int MaxReferenceLength = 140;
}
