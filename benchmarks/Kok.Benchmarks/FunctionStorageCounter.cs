using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Kok.DevHost.Functions;

namespace Kok.Benchmarks;

/// <summary>
/// Counts storage round trips per DevHost function (<see cref="FunctionExecutions.Current"/>) and kind (method and
/// table, queue or container), so a report can say what one charge or one mail costs while they all run at once.
/// </summary>
internal sealed class FunctionStorageCounter : HttpPipelineSynchronousPolicy
{
    public const string Outside = "(no function)";

    private readonly ConcurrentDictionary<(string Function, string Kind), int> _counts = new();
    private readonly ConcurrentDictionary<string, int> _conflicts = new(StringComparer.Ordinal);

    public int Count(string function) => _counts.Where(c => c.Key.Function == function).Sum(c => c.Value);

    /// <summary>Answers 409 or 412 (a conditional write that lost a race, then retried) to <paramref name="function"/>.</summary>
    public int Conflicts(string function) => _conflicts.TryGetValue(function, out var n) ? n : 0;

    public IReadOnlyList<(string Kind, int Count)> Kinds(string function) =>
        [.. _counts.Where(c => c.Key.Function == function).Select(c => (c.Key.Kind, c.Value)).OrderByDescending(c => c.Value).ThenBy(c => c.Kind, StringComparer.Ordinal)];

    public void Reset()
    {
        _counts.Clear();
        _conflicts.Clear();
    }

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.HasResponse && message.Response.Status is 409 or 412)
        {
            _conflicts.AddOrUpdate(FunctionExecutions.Current ?? Outside, 1, (_, n) => n + 1);
        }
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kind = message.Request.Method + " " + Resource(message.Request.Uri.ToUri().AbsolutePath);
        _counts.AddOrUpdate((FunctionExecutions.Current ?? Outside, kind), 1, (_, n) => n + 1);
    }

    /// <summary>"/devstoreaccount1/Members(…)" → "Members"; queues keep "/messages", blobs only their container.</summary>
    internal static string Resource(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return path;
        }

        var resource = parts[1].Split('(')[0];
        if (parts.Length > 2 && parts[2] == "messages")
        {
            return resource + "/messages";
        }

        // A table request without keys in its path is a query (or a transaction's "$batch"): said so, because on
        // Azurite a query costs in proportion to the whole table, a point read to its partition.
        return parts.Length == 2 && parts[1].EndsWith("()", StringComparison.Ordinal) ? resource + " (query)" : resource;
    }
}
