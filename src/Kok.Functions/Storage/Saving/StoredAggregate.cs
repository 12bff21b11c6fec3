namespace Kok.Functions.Storage.Saving;

/// <summary>An aggregate as loaded, with the opaque version to save it against and its row's revision.</summary>
public sealed record StoredAggregate<TAggregate>(TAggregate Aggregate, string Version, long Revision);
