using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Membership;

/// <summary>
/// The member endings (<see cref="TableNames.MemberEndings"/>): a row per cancelled member under the day its membership
/// ends (<see cref="Member.ScheduledEndDate"/>), so the daily run reads a range of days instead of every member. Derived
/// on every save: a withdrawn cancellation or an ended membership drops the row.
/// </summary>
internal sealed class MemberEndingsProjection(StorageClients storage) : DayRowsProjection<Member>(storage, TableNames.MemberEndings, m => m.Id)
{
    public override string Name => "ending";

    protected override DateOnly? Day(Member aggregate) => aggregate.ScheduledEndDate;
}
