namespace Kok.Functions.Storage.Saving;

/// <summary>An aggregate as loaded: the aggregate, the opaque version to save it against, and its stored revision.</summary>
public sealed record StoredAggregate<TAggregate>(TAggregate Aggregate, string Version, long Revision);
