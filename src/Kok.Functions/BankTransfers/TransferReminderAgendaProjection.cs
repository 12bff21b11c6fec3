using Kok.Domain.Donations;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// The transfer-reminder agenda (<see cref="TableNames.TransferReminders"/>): a row per transfer donation still waiting
/// for its money under the day it was made (<see cref="Donation.AwaitingTransferSince"/>); its save takes the row away
/// once the money came. No personal data: dates and ids.
/// </summary>
internal sealed class TransferReminderAgendaProjection(StorageClients storage)
    : DayRowsProjection<Donation>(storage, TableNames.TransferReminders, d => d.Id)
{
    public override string Name => "transferReminder";

    protected override DateOnly? Day(Donation aggregate) => aggregate.AwaitingTransferSince;
}
