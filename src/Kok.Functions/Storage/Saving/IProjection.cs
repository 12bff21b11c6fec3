namespace Kok.Functions.Storage.Saving;

/// <summary>
/// A side table kept in step with an aggregate by <see cref="AggregateStore{TAggregate}"/>. It says when it writes
/// (<see cref="Phase"/>), what it shows for an aggregate in a short <see cref="Mark"/> (remembered in the aggregate's
/// row, so a save knows without a read whether the side table must change and what to replace), and which personal
/// data it stores and how that is erased (<see cref="PersonalData"/>, which the privacy test holds to what is really
/// stored). The hooks of the phases it does not declare are never called.
/// </summary>
public interface IProjection<TAggregate>
{
    /// <summary>A short name, unique per aggregate; the mark's column is <c>P_{Name}</c>.</summary>
    string Name { get; }

    ProjectionPhase Phase { get; }

    /// <summary>The personal data this projection stores, or null when it stores none.</summary>
    PersonalDataDeclaration? PersonalData { get; }

    /// <summary>What this projection shows for <paramref name="aggregate"/>, in a few characters; null for nothing.</summary>
    string? Mark(TAggregate aggregate);

    Task BeforeWriteAsync(ProjectionStep<TAggregate> save, CancellationToken cancellationToken) => Task.CompletedTask;

    Task AfterWriteAsync(ProjectionStep<TAggregate> save, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether <paramref name="save"/> leaves work for the deferred phase (only asked of deferred projections).</summary>
    bool NeedsRefresh(ProjectionStep<TAggregate> save) => save.Changed;

    /// <summary>
    /// The deferred phase: brings the side table up to the aggregate as stored at <see cref="ProjectionRefresh{TAggregate}.Revision"/>.
    /// May run more than once for one revision, and after a later revision's refresh: it must write nothing then.
    /// </summary>
    Task RefreshAsync(ProjectionRefresh<TAggregate> refresh, CancellationToken cancellationToken) => Task.CompletedTask;
}
