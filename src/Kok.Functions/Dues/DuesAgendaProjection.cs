using Azure.Data.Tables;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dues;

/// <summary>
/// The dues agenda (<see cref="TableNames.DuesAgenda"/>): one partition per day, a row per member the dues run must
/// look at that day (<see cref="Member.DuesAgendaDate"/>, set by the domain before the save). The new day's row goes
/// in before the member write and the old day's row goes after it, so a crash never loses a member from the agenda;
/// it can leave a stale row, which the run recognises and drops. One upsert and one delete when the day moves,
/// nothing otherwise. No personal data: dates and ids.
/// </summary>
internal sealed class DuesAgendaProjection(StorageClients storage) : IProjection<Member>
{
    public string Name => "agenda";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData => null;

    public string? Mark(Member aggregate) => aggregate.DuesAgendaDate is { } day ? StoredNames.Date(day) : null;

    public Task BeforeWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken) =>
        save.Changed && save.Current is { } day
            ? SideRows.UpsertAsync(storage, TableNames.DuesAgenda, day, save.Aggregate.Id, cancellationToken)
            : Task.CompletedTask;

    public Task AfterWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken) =>
        save.Changed && save.Previous is { } day
            ? SideRows.DeleteAsync(storage, TableNames.DuesAgenda, day, save.Aggregate.Id, cancellationToken)
            : Task.CompletedTask;
}
