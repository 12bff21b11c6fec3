using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Kok.DevHost.Functions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Kok.DevHost.Tests;

/// <summary>The settling rules of the WebJobs SDK's QueueProcessor, against mocked queue clients.</summary>
public class QueueMessageProcessorTests
{
    private static readonly QueuesSettings Settings = QueuesSettings.Default with
    {
        MaxDequeueCount = 3,
        VisibilityTimeout = TimeSpan.FromSeconds(7),
    };

    private readonly Mock<QueueClient> _queue = new() { DefaultValue = DefaultValue.Mock };
    private readonly Mock<QueueClient> _poison = new() { DefaultValue = DefaultValue.Mock };

    public QueueMessageProcessorTests()
    {
        _queue.SetupGet(q => q.Name).Returns("orders");
        _poison.SetupGet(q => q.Name).Returns("orders-poison");
    }

    private QueueMessageProcessor Processor(bool withPoisonQueue = true) =>
        new(_queue.Object, withPoisonQueue ? _poison.Object : null, Settings, NullLogger.Instance);

    private static QueueMessage Message(long dequeueCount) =>
        QueuesModelFactory.QueueMessage("m-1", "receipt-1", BinaryData.FromString("order 42"), dequeueCount,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static IInvocation[] Calls(Mock<QueueClient> mock, string method) =>
        mock.Invocations.Where(i => i.Method.Name == method).ToArray();

    [Fact]
    public async Task Success_deletes_the_message()
    {
        await Processor().CompleteProcessingAsync(Message(1), succeeded: true, CancellationToken.None);

        var delete = Assert.Single(Calls(_queue, nameof(QueueClient.DeleteMessageAsync)));
        Assert.Equal(["m-1", "receipt-1"], delete.Arguments.Take(2));
        Assert.Empty(Calls(_queue, nameof(QueueClient.UpdateMessageAsync)));
        Assert.DoesNotContain(_poison.Invocations, i => i.Method.Name != "get_Name");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Failure_below_max_dequeue_count_makes_the_message_visible_after_the_visibility_timeout(long dequeueCount)
    {
        await Processor().CompleteProcessingAsync(Message(dequeueCount), succeeded: false, CancellationToken.None);

        var update = Assert.Single(Calls(_queue, nameof(QueueClient.UpdateMessageAsync)));
        Assert.Equal("m-1", update.Arguments[0]);
        Assert.Equal("receipt-1", update.Arguments[1]);
        Assert.Null(update.Arguments[2]);
        Assert.Equal(TimeSpan.FromSeconds(7), update.Arguments[3]);
        Assert.Empty(Calls(_queue, nameof(QueueClient.DeleteMessageAsync)));
        Assert.Empty(Calls(_poison, nameof(QueueClient.SendMessageAsync)));
    }

    [Fact]
    public async Task Failure_at_max_dequeue_count_copies_the_body_to_the_poison_queue_and_deletes_it()
    {
        await Processor().CompleteProcessingAsync(Message(3), succeeded: false, CancellationToken.None);

        var send = Assert.Single(Calls(_poison, nameof(QueueClient.SendMessageAsync)));
        Assert.Equal("order 42", send.Arguments[0]!.ToString());
        Assert.Single(Calls(_queue, nameof(QueueClient.DeleteMessageAsync)));
        Assert.Empty(Calls(_queue, nameof(QueueClient.UpdateMessageAsync)));
    }

    [Fact]
    public async Task A_message_already_over_max_dequeue_count_on_receive_goes_to_poison_without_running()
    {
        var run = await Processor().BeginProcessingAsync(Message(4), CancellationToken.None);

        Assert.False(run);
        Assert.Single(Calls(_poison, nameof(QueueClient.SendMessageAsync)));
        Assert.Single(Calls(_queue, nameof(QueueClient.DeleteMessageAsync)));
    }

    [Fact]
    public async Task A_message_at_max_dequeue_count_on_receive_still_runs()
    {
        Assert.True(await Processor().BeginProcessingAsync(Message(3), CancellationToken.None));
        Assert.DoesNotContain(_queue.Invocations, i => i.Method.Name != "get_Name");
    }

    [Fact]
    public async Task The_poison_queue_is_created_when_it_does_not_exist()
    {
        var sends = 0;
        _poison.Setup(q => q.SendMessageAsync(It.IsAny<BinaryData>(), It.IsAny<TimeSpan?>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Returns(() => ++sends == 1
                ? throw new RequestFailedException(404, "The specified queue does not exist.", "QueueNotFound", null)
                : Task.FromResult(Mock.Of<Response<SendReceipt>>()));

        await Processor().CompleteProcessingAsync(Message(3), succeeded: false, CancellationToken.None);

        Assert.Equal(2, sends);
        Assert.Single(Calls(_poison, nameof(QueueClient.CreateIfNotExistsAsync)));
        Assert.Single(Calls(_queue, nameof(QueueClient.DeleteMessageAsync)));
    }

    [Fact]
    public async Task Without_a_poison_queue_a_failed_message_stays_invisible()
    {
        await Processor(withPoisonQueue: false).CompleteProcessingAsync(Message(3), succeeded: false, CancellationToken.None);
        await Processor(withPoisonQueue: false).CompleteProcessingAsync(Message(1), succeeded: false, CancellationToken.None);

        Assert.DoesNotContain(_queue.Invocations, i => i.Method.Name != "get_Name");
    }

    [Fact]
    public async Task A_message_someone_else_took_over_is_left_alone()
    {
        _queue.Setup(q => q.DeleteMessageAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(400, "pop receipt", "PopReceiptMismatch", null));

        await Processor().CompleteProcessingAsync(Message(1), succeeded: true, CancellationToken.None);

        Assert.Single(Calls(_queue, nameof(QueueClient.DeleteMessageAsync)));
    }

    [Theory]
    [InlineData("orders", "orders-poison")]
    [InlineData("orders-poison", null)]
    [InlineData("a23456789012345678901234567890123456789012345678901234567", null)]
    [InlineData("a2345678901234567890123456789012345678901234567890123456", "a2345678901234567890123456789012345678901234567890123456-poison")]
    public void Poison_queue_names(string queue, string? poison)
    {
        Assert.Equal(poison, QueueMessageProcessor.PoisonQueueNameFor(queue));
    }
}
