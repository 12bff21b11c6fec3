namespace Kok.Domain.BankTransfers;

/// <summary>Whether and where supporters may pay by bank transfer (Überweisung); without an account they may not.</summary>
public sealed record BankTransferSettings(BankAccount? Account)
{
    public static BankTransferSettings NotOffered { get; } = new((BankAccount?)null);

    /// <summary>Days after which a transfer donation still waiting for its money gets its one reminder (<see cref="TransferReminders"/>).</summary>
    public const int DefaultReminderDays = 14;

    public bool Offered => Account is not null;

    /// <summary>Days after its creation an unmatched transfer donation gets one friendly reminder; at least 1.</summary>
    public int ReminderDays { get; init; } = DefaultReminderDays;
}
