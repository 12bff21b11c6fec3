using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Samples;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kok.IntegrationTests;

public class FunctionLoggingTests
{
    [Fact]
    public async Task A_failing_queue_function_is_logged_with_exception_type_and_message_id_but_never_the_body()
    {
        var calls = new SampleCalls();
        var logs = new CapturedLogs();
        var queue = TestStorage.UniqueQueueName("logged");
        const string body = "Erika Mustermann, erika@example.org, DE02120300000000202051";
        await using (var server = await DevHostServer.StartAsync(o =>
                     {
                         o.FunctionAssemblies.Add(typeof(SampleQueueFunctions).Assembly);
                         o.OnlyFunctions.Add("SampleFailingQueue");
                         o.Settings["Samples:FailingQueue"] = queue;
                         o.MaxDequeueCount = 2;
                         o.Logs = logs;
                         o.ConfigureServices = services => services.AddSingleton(calls);
                     }))
        {
            await TestQueues.SendAsync(server.StorageConnectionString, queue, body);
            await Eventually.WaitUntilAsync(async () => (await TestQueues.PeekTextsAsync(server.StorageConnectionString, queue + "-poison")).Count == 1,
                "the message is in the poison queue");
        }

        var messageId = (string)calls.Of("SampleFailingQueue.MessageId")[0]!;
        var failures = logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains("Failed", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, failures.Length);
        Assert.All(failures, e =>
        {
            Assert.Contains(messageId, e.Message, StringComparison.Ordinal);
            Assert.Contains(typeof(InvalidOperationException).FullName!, e.Message, StringComparison.Ordinal);
        });
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"Moving message to queue '{queue}-poison'", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.FullText.Contains("Mustermann", StringComparison.Ordinal) ||
                                                 e.FullText.Contains("erika@", StringComparison.Ordinal) ||
                                                 e.FullText.Contains("always fails", StringComparison.Ordinal));
    }
}
