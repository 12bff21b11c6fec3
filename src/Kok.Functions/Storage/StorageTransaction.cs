namespace Kok.Functions.Storage;

/// <summary>One storage request as seen by <see cref="StorageTransactionCounter"/>.</summary>
public sealed record StorageTransaction(string Method, string Path)
{
    /// <summary>0 for a request's first attempt, 1 and up for the SDK's retries of it (a slow or busy storage).</summary>
    public int Retry { get; init; }

    public override string ToString() => $"{Method} {Path}";
}
