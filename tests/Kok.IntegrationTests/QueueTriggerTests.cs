using Azure.Storage.Queues;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.IntegrationTests;

/// <summary>DevHost's queue trigger against Azurite: delivery, retries, poison queue, as the Functions host does them.</summary>
public class QueueTriggerTests
{
    private readonly SampleCalls _calls = new();

    private Task<DevHostServer> StartAsync(string function, string setting, string queue, Action<DevHostServerOptions>? configure = null) =>
        DevHostServer.StartAsync(o =>
        {
            o.FunctionAssemblies.Add(typeof(SampleQueueFunctions).Assembly);
            o.OnlyFunctions.Add(function);
            o.Settings[setting] = queue;
            o.ConfigureServices = services => services.AddSingleton(_calls);
            configure?.Invoke(o);
        });

    [Fact]
    public async Task A_json_message_reaches_the_function_as_an_object_and_is_deleted_after_success()
    {
        var queue = TestStorage.UniqueQueueName("orders");
        await using var server = await StartAsync("SampleOrderQueue", "Samples:OrderQueue", queue);

        await TestQueues.SendAsync(server.StorageConnectionString, queue, """{"orderId":"o-1","amountCents":1500}""");

        await Eventually.WaitUntilAsync(() => _calls.Of("SampleOrderQueue").Count == 1, "the function got the message");
        Assert.Equal(new SampleOrder("o-1", 1500), _calls.Of("SampleOrderQueue")[0]);
        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(server.StorageConnectionString, queue) == 0, "the message is deleted");
        Assert.False(await TestQueues.ExistsAsync(server.StorageConnectionString, queue + "-poison"));
    }

    [Fact]
    public async Task The_trigger_creates_its_queue_and_its_requests_pass_the_apps_pipeline_policies()
    {
        var queue = TestStorage.UniqueQueueName("created");
        var counter = new StorageTransactionCounter();
        await using var server = await StartAsync("SampleTextQueue", "Samples:TextQueue", queue, o => o.TransactionCounter = counter);

        await Eventually.WaitUntilAsync(() => TestQueues.ExistsAsync(server.StorageConnectionString, queue), "the queue exists");
        await Eventually.WaitUntilAsync(
            () => counter.Transactions.Any(t => t.Method == "GET" && t.Path == $"/devstoreaccount1/{queue}/messages"),
            "the counter saw the trigger poll the queue");
    }

    [Fact]
    public async Task A_function_failing_twice_runs_three_times_and_the_message_is_then_gone()
    {
        var queue = TestStorage.UniqueQueueName("flaky");
        await using var server = await StartAsync("SampleFlakyQueue", "Samples:FlakyQueue", queue);

        await TestQueues.SendAsync(server.StorageConnectionString, queue, "pay dues m-1");

        await Eventually.WaitUntilAsync(async () => await TestQueues.CountAsync(server.StorageConnectionString, queue) == 0 &&
                                                    _calls.Of("SampleFlakyQueue").Count == 3,
            "the third attempt succeeded and the message was deleted");
        Assert.Equal(["pay dues m-1", "pay dues m-1", "pay dues m-1"], _calls.Of("SampleFlakyQueue"));
        Assert.False(await TestQueues.ExistsAsync(server.StorageConnectionString, queue + "-poison"));
    }

    [Fact]
    public async Task A_message_failing_max_dequeue_count_times_moves_to_the_poison_queue()
    {
        var queue = TestStorage.UniqueQueueName("failing");
        await using var server = await StartAsync("SampleFailingQueue", "Samples:FailingQueue", queue, o => o.MaxDequeueCount = 3);

        await TestQueues.SendAsync(server.StorageConnectionString, queue, "receipt r-9");

        await Eventually.WaitUntilAsync(async () => (await TestQueues.PeekTextsAsync(server.StorageConnectionString, queue + "-poison")).Count == 1 &&
                                                    await TestQueues.CountAsync(server.StorageConnectionString, queue) == 0,
            "the message moved to the poison queue");
        Assert.Equal(["receipt r-9"], await TestQueues.PeekTextsAsync(server.StorageConnectionString, queue + "-poison"));
        Assert.Equal([1L, 2L, 3L], _calls.Of("SampleFailingQueue"));
    }

    [Fact]
    public async Task A_message_received_above_max_dequeue_count_goes_to_poison_without_running()
    {
        var queue = TestStorage.UniqueQueueName("overdue");
        await TestQueues.SendAsync(TestStorage.ConnectionString, queue, "left over by a crashed host");
        var client = TestQueues.Client(TestStorage.ConnectionString, queue);
        for (var i = 0; i < 3; i++)
        {
            // Received and abandoned three times, as by a host that died while running it.
            var received = (await client.ReceiveMessageAsync()).Value;
            await client.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        await using var server = await StartAsync("SampleFailingQueue", "Samples:FailingQueue", queue, o => o.MaxDequeueCount = 2);

        await Eventually.WaitUntilAsync(async () => (await TestQueues.PeekTextsAsync(server.StorageConnectionString, queue + "-poison")).Count == 1 &&
                                                    await TestQueues.CountAsync(server.StorageConnectionString, queue) == 0,
            "the message moved to the poison queue");
        Assert.Empty(_calls.Of("SampleFailingQueue"));
    }

    [Fact]
    public async Task Message_encoding_none_reads_plain_text()
    {
        var queue = TestStorage.UniqueQueueName("plain");
        await using var server = await StartAsync("SampleTextQueue", "Samples:TextQueue", queue,
            o => o.Settings["AzureFunctionsJobHost:extensions:queues:messageEncoding"] = "none");

        await TestQueues.SendAsync(server.StorageConnectionString, queue, "plain text", QueueMessageEncoding.None);

        await Eventually.WaitUntilAsync(() => _calls.Of("SampleTextQueue").Count == 1, "the function got the message");
        Assert.Equal("plain text", _calls.Of("SampleTextQueue")[0]);
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue()
    {
        var queue = TestStorage.UniqueQueueName("undecodable");
        await using var server = await StartAsync("SampleTextQueue", "Samples:TextQueue", queue);

        await TestQueues.SendAsync(server.StorageConnectionString, queue, "not base64!", QueueMessageEncoding.None);

        await Eventually.WaitUntilAsync(async () => (await TestQueues.PeekTextsAsync(server.StorageConnectionString, queue + "-poison")).Count == 1 &&
                                                    await TestQueues.CountAsync(server.StorageConnectionString, queue) == 0,
            "the message moved to the poison queue");
        Assert.Empty(_calls.Of("SampleTextQueue"));
    }
}
