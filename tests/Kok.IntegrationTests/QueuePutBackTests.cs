using System.Text.Json.Nodes;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kok.IntegrationTests;

/// <summary>What a queue function does with a "not yet" message: a copy back on its queue with its count raised, later and later, and after 15 the poison queue.</summary>
public sealed class QueuePutBackTests
{
    private readonly string _queue = "putback-" + Guid.NewGuid().ToString("N")[..12];
    private readonly QueuePutBack _putBack = new(
        new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), [DeferredRefreshes.Recorder]), NullLogger<QueuePutBack>.Instance);

    [Fact]
    public async Task A_message_put_back_comes_again_later_with_its_count_raised()
    {
        Assert.True(await _putBack.PutBackAsync(_queue, """{"memberId":"mem_1","kind":"welcome"}""", CancellationToken.None));
        Assert.True(await _putBack.PutBackAsync(_queue, """{"memberId":"mem_2","putBacks":9}""", CancellationToken.None));

        Assert.Equal(2, await TestQueues.CountAsync(TestStorage.ConnectionString, _queue));
        await Eventually.WaitUntilAsync(async () => (await TestQueues.PeekTextsAsync(TestStorage.ConnectionString, _queue)).Count == 1,
            "the first copy becomes visible after its second");
        var copy = JsonNode.Parse(Assert.Single(await TestQueues.PeekTextsAsync(TestStorage.ConnectionString, _queue)))!;
        Assert.Equal(("mem_1", "welcome", 1), ((string)copy["memberId"]!, (string)copy["kind"]!, (int)copy[QueuePutBack.CountProperty]!));
        Assert.False(await TestQueues.ExistsAsync(TestStorage.ConnectionString, _queue + "-poison"));
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(512), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)],
            new[] { 0, 1, 2, 9, 10, 14 }.Select(QueuePutBack.DelayAfter));
        var wholeWait = Enumerable.Range(0, QueuePutBack.MaxPutBacks).Select(QueuePutBack.DelayAfter).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.InRange(wholeWait, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(70));
        await TestQueues.Client(TestStorage.ConnectionString, _queue).DeleteAsync();
    }

    [Fact]
    public async Task After_fifteen_put_backs_the_message_goes_to_the_poison_queue_with_a_fresh_count()
    {
        Assert.False(await _putBack.PutBackAsync(_queue, """{"memberId":"mem_1","putBacks":15}""", CancellationToken.None));

        var parked = JsonNode.Parse(Assert.Single(await TestQueues.PeekTextsAsync(TestStorage.ConnectionString, _queue + "-poison")))!;
        Assert.Equal("mem_1", (string)parked["memberId"]!);
        Assert.Null(parked[QueuePutBack.CountProperty]);
        Assert.Equal(0, await TestQueues.CountAsync(TestStorage.ConnectionString, _queue));
        await TestQueues.Client(TestStorage.ConnectionString, _queue + "-poison").DeleteAsync();
    }
}
