using Kok.Domain.BankTransfers;
using Kok.Functions.Storage;

namespace Kok.Functions.BankTransfers;

/// <summary>The transfer-reminder agenda in Table Storage (<see cref="TransferReminderAgendaProjection"/> keeps it): one range query over day partitions.</summary>
public sealed class TableTransferReminderAgenda(StorageClients storage) : ITransferReminderAgenda
{
    public async Task<IReadOnlyList<TransferReminderEntry>> MadeOnOrBeforeAsync(DateOnly day, CancellationToken cancellationToken) =>
        (await SideRows.OnOrBeforeAsync(storage, TableNames.TransferReminders, day, cancellationToken))
            .Select(r => new TransferReminderEntry(r.MemberId, r.Day)).ToList();

    public Task RemoveAsync(TransferReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return SideRows.DeleteAsync(storage, TableNames.TransferReminders, StoredNames.Date(entry.CreatedOn), entry.DonationId, cancellationToken);
    }
}
