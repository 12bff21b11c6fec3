using Kok.Domain.Common;

namespace Kok.Functions.Storage.Saving;

/// <summary>A <see cref="DeferredRefresh"/> message came before the save that sent it was stored (ids only).</summary>
public sealed class SaveNotStoredYetException(string aggregate, string id, long revision)
    : NotYetException($"{aggregate} {id} is not stored at revision {revision} yet.");
