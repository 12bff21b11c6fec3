namespace Kok.Domain.BankTransfers;

/// <summary>Whether and where supporters may pay by bank transfer (Überweisung); without an account they may not.</summary>
public sealed record BankTransferSettings(BankAccount? Account)
{
    public static BankTransferSettings NotOffered { get; } = new((BankAccount?)null);

    public bool Offered => Account is not null;
}
