namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// One store's part of an erasure: how many of the supporter's records it holds (or held) and what happens to them;
/// for retained records the last day they must be kept. Counts and kinds only, never the data itself.
/// </summary>
public sealed record StoreErasure(string Store, ErasureAction Action, int Count, DateOnly? RetainedUntil = null);
