using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Membership;

/// <summary>
/// The member endings (<see cref="TableNames.MemberEndings"/>): one partition per day, a row per member whose
/// membership ends that day (<see cref="Member.ScheduledEndDate"/>), so the daily run reads a range of
/// days instead of every member. Derived from the member on every save, like the dues agenda: the new day before the
/// write, the old one deleted after it (a withdrawn cancellation, a membership that has ended). No personal data.
/// </summary>
internal sealed class MemberEndingsProjection(StorageClients storage) : IProjection<Member>
{
    public string Name => "ending";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData => null;

    public string? Mark(Member aggregate) =>
        aggregate.ScheduledEndDate is { } day ? StoredNames.Date(day) : null;

    public Task BeforeWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken) =>
        save.Changed && save.Current is { } day
            ? SideRows.UpsertAsync(storage, TableNames.MemberEndings, day, save.Aggregate.Id, cancellationToken)
            : Task.CompletedTask;

    public Task AfterWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken) =>
        save.Changed && save.Previous is { } day
            ? SideRows.DeleteAsync(storage, TableNames.MemberEndings, day, save.Aggregate.Id, cancellationToken)
            : Task.CompletedTask;
}
