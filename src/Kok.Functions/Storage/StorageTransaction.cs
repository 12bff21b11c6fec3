namespace Kok.Functions.Storage;

/// <summary>One storage request as seen by <see cref="StorageTransactionCounter"/>.</summary>
public sealed record StorageTransaction(string Method, string Path)
{
    public override string ToString() => $"{Method} {Path}";
}
