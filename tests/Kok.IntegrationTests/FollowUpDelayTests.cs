using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Kok.IntegrationTests;

/// <summary>
/// Mail requests go on their queue invisible for a moment (<see cref="StorageQueueSender.FollowUpDelay"/>), so their
/// consumer rarely runs before the save that follows the send; every other message is visible at once.
/// </summary>
public sealed class FollowUpDelayTests
{
    private readonly string _queue = "followup-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_follow_up_message_waits_out_the_delay_while_other_messages_are_visible_at_once()
    {
        var storage = new StorageClients(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), []);
        var sender = new StorageQueueSender(storage, TimeSpan.FromSeconds(60));

        await sender.SendFollowUpAsync(_queue, new { memberId = "mem_later" }, CancellationToken.None);
        await sender.SendAsync(_queue, new { memberId = "mem_now" }, CancellationToken.None);

        Assert.Equal(2, await TestQueues.CountAsync(TestStorage.ConnectionString, _queue));
        Assert.Contains("mem_now", Assert.Single(await TestQueues.PeekTextsAsync(TestStorage.ConnectionString, _queue)), StringComparison.Ordinal);
        await TestQueues.Client(TestStorage.ConnectionString, _queue).DeleteAsync();
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("0", 0)]
    [InlineData("60", 60)]
    public void The_delay_is_a_second_unless_set(string? setting, int seconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageQueueSender.FollowUpDelaySetting] = setting })
            .Build();

        Assert.Equal(TimeSpan.FromSeconds(seconds), StorageQueueSender.FollowUpDelayFrom(configuration));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("61")]
    public void A_delay_out_of_range_stops_the_start(string setting)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StorageQueueSender.FollowUpDelaySetting] = setting })
            .Build();

        Assert.Throws<InvalidOperationException>(() => StorageQueueSender.FollowUpDelayFrom(configuration));
    }
}
