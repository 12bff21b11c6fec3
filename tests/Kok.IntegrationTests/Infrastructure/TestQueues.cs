using Azure;
using Azure.Storage.Queues;

namespace Kok.IntegrationTests.Infrastructure;

/// <summary>Reads and writes test queues directly (Base64 encoding, as the app and host.json use).</summary>
public static class TestQueues
{
    public static QueueClient Client(string connectionString, string queueName, QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(connectionString, queueName, new QueueClientOptions { MessageEncoding = encoding });

    public static async Task SendAsync(string connectionString, string queueName, string text, QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = Client(connectionString, queueName, encoding);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(text);
    }

    /// <summary>The texts of the visible messages (up to 32); none when the queue does not exist.</summary>
    public static async Task<IReadOnlyList<string>> PeekTextsAsync(string connectionString, string queueName)
    {
        try
        {
            var messages = await Client(connectionString, queueName).PeekMessagesAsync(maxMessages: 32);
            return messages.Value.Select(m => m.Body.ToString()).ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    /// <summary>All messages, visible or not (the queue's approximate count); 0 when the queue does not exist.</summary>
    public static async Task<int> CountAsync(string connectionString, string queueName)
    {
        try
        {
            return (await Client(connectionString, queueName).GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    public static async Task<bool> ExistsAsync(string connectionString, string queueName) =>
        (await Client(connectionString, queueName).ExistsAsync()).Value;
}
