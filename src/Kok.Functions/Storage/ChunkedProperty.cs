using Azure.Data.Tables;

namespace Kok.Functions.Storage;

/// <summary>
/// Stores a long string across numbered properties (<c>Name0</c>, <c>Name1</c>, …). A Table Storage string property
/// holds at most 32K characters, and a monthly donation's history grows for years; an entity holds up to 1 MB.
/// </summary>
public static class ChunkedProperty
{
    private const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(value);
        var chunks = 0;
        for (var start = 0; start < value.Length || chunks == 0; start += ChunkLength, chunks++)
        {
            entity[name + chunks] = value.Substring(start, Math.Min(ChunkLength, value.Length - start));
        }

        entity[name + "Chunks"] = chunks;
    }

    public static string? Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetInt32(name + "Chunks") is not { } chunks)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString(name + i)));
    }
}
