namespace Kok.Functions.Storage.Saving;

/// <summary>
/// A projection that lists an aggregate under one day (<see cref="SideRows"/>: a partition per day, a row per
/// aggregate), such as the dues agenda and the member endings: the new day's row goes in before the aggregate's write
/// and the old day's row goes after it, so a crash never drops the aggregate from the day table; it can leave a stale
/// row, which the daily run recognises and drops. One upsert and one delete when the day moves, nothing otherwise.
/// No personal data: dates and ids.
/// </summary>
internal abstract class DayRowsProjection<TAggregate>(StorageClients storage, string table, Func<TAggregate, string> idOf)
    : IProjection<TAggregate>
{
    public abstract string Name { get; }

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData => null;

    public string? Mark(TAggregate aggregate) => Day(aggregate) is { } day ? StoredNames.Date(day) : null;

    public Task BeforeWriteAsync(ProjectionStep<TAggregate> save, CancellationToken cancellationToken) =>
        save.Changed && save.Current is { } day
            ? SideRows.UpsertAsync(storage, table, day, idOf(save.Aggregate), cancellationToken)
            : Task.CompletedTask;

    public Task AfterWriteAsync(ProjectionStep<TAggregate> save, CancellationToken cancellationToken) =>
        save.Changed && save.Previous is { } day
            ? SideRows.DeleteAsync(storage, table, day, idOf(save.Aggregate), cancellationToken)
            : Task.CompletedTask;

    /// <summary>The day the aggregate is listed under, or null for none.</summary>
    protected abstract DateOnly? Day(TAggregate aggregate);
}
