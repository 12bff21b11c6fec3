namespace Kok.Domain.Dashboard;

/// <summary>One page of a dashboard list; <see cref="ContinuationToken"/> asks for the next one, null on the last.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? ContinuationToken)
{
    public const int Size = 50;
}
