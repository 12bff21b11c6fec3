namespace Kok.Domain.BankTransfers;

/// <summary>
/// Transfer donations still waiting for their money, listed by the day they were made (kept by a projection of
/// <see cref="Donations.Donation.AwaitingTransferSince"/>), so the daily reminder run reads only those due instead of
/// every donation.
/// </summary>
public interface ITransferReminderAgenda
{
    /// <summary>Every entry made on or before <paramref name="day"/>, oldest first.</summary>
    Task<IReadOnlyList<TransferReminderEntry>> MadeOnOrBeforeAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Takes the entry off the agenda; idempotent.</summary>
    Task RemoveAsync(TransferReminderEntry entry, CancellationToken cancellationToken);
}
