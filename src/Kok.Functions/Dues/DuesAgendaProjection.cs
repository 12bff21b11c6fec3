using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dues;

/// <summary>
/// The dues agenda (<see cref="TableNames.DuesAgenda"/>): a row per member under the one day the dues run must look at
/// it next (<see cref="Member.DuesAgendaDate"/>, set by the domain before the save).
/// </summary>
internal sealed class DuesAgendaProjection(StorageClients storage) : DayRowsProjection<Member>(storage, TableNames.DuesAgenda, m => m.Id)
{
    public override string Name => "agenda";

    protected override DateOnly? Day(Member aggregate) => aggregate.DuesAgendaDate;
}
