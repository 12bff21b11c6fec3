namespace Kok.Functions.Storage.Saving;

/// <summary>
/// What a deferred projection is brought up to: the aggregate as it is stored now, its id and the revision of that
/// stored row (counted up by every save, so of two refreshes the later state is the one with the higher number).
/// </summary>
public sealed record ProjectionRefresh<TAggregate>(TAggregate Aggregate, string Id, long Revision);
