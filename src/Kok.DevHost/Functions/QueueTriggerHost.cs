using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Kok.Functions.Storage;

namespace Kok.DevHost.Functions;

/// <summary>
/// Starts a <see cref="QueueTriggerListener"/> per enabled queue function. Queue names may be <c>%Setting%</c>.
/// Queues on <c>AzureWebJobsStorage</c> (the default connection) use Kok.Functions' <see cref="StorageClients"/>, so
/// registered pipeline policies (e.g. <see cref="StorageTransactionCounter"/>) see the trigger's requests too.
/// The listeners start once the whole host has started (<see cref="StartedAsync"/>), not in <see cref="StartAsync"/>:
/// hosted services start before the web server, and a function that calls DevHost's own stand-ins (SendGrid,
/// Stripe) needs its address. A message already waiting would otherwise fail its first attempt.
/// </summary>
internal sealed class QueueTriggerHost(
    FunctionCatalog catalog,
    HostJsonSettings hostJson,
    StorageClients storage,
    IConfiguration configuration,
    IEnumerable<HttpPipelinePolicy> policies,
    FunctionInvoker invoker,
    ILoggerFactory loggerFactory) : IHostedLifecycleService, IDisposable
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _runs = [];
    private readonly List<QueueTriggerListener> _listeners = [];
    private readonly Dictionary<string, QueueServiceClient> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger = loggerFactory.CreateLogger<QueueTriggerHost>();

    /// <summary>How many listeners are polling; none before the host has started.</summary>
    internal int RunningListeners => _runs.Count;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var resolver = new AppSettingResolver(configuration);
        var settings = hostJson.Queues;
        foreach (var function in catalog.Functions.Where(f => f.Trigger == FunctionTriggerKind.Queue && !catalog.IsDisabled(f)))
        {
            var queueName = ResolveQueueName(resolver, function);
            var service = ClientFor(function.QueueTrigger!.Connection);
            var poisonName = QueueMessageProcessor.PoisonQueueNameFor(queueName);
            var processor = new QueueMessageProcessor(
                service.GetQueueClient(queueName),
                poisonName is null ? null : service.GetQueueClient(poisonName),
                settings,
                loggerFactory.CreateLogger<QueueMessageProcessor>());
            var listener = new QueueTriggerListener(
                function,
                processor,
                settings,
                (message, ct) => InvokeAsync(function, queueName, message, ct),
                loggerFactory.CreateLogger<QueueTriggerListener>());
            _listeners.Add(listener);
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
        {
            _runs.Add(Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_runs).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Host shutdown timed out: leave running invocations behind.
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Runs a queue function with a message that did not come from the queue (admin endpoint).</summary>
    public Task InvokeDirectAsync(FunctionDescriptor function, QueueMessage message, CancellationToken cancellationToken) =>
        invoker.InvokeInNewScopeAsync(
            function,
            TriggerInput.ForMessage(message, "This function was programmatically called via the host APIs."),
            BindingData(message),
            $" for message {message.MessageId}",
            cancellationToken);

    internal static string ResolveQueueName(AppSettingResolver resolver, FunctionDescriptor function)
    {
        var name = resolver.Resolve(function.QueueTrigger!.QueueName, $"the queue trigger of function '{function.Name}'");
        return QueueNames.IsValid(name)
            ? name
            : throw new InvalidOperationException(
                $"Function '{function.Name}': '{name}' is not a valid queue name (3-63 lowercase letters, digits and single dashes).");
    }

    private Task InvokeAsync(FunctionDescriptor function, string queueName, QueueMessage message, CancellationToken cancellationToken) =>
        invoker.InvokeInNewScopeAsync(
            function,
            TriggerInput.ForMessage(message, $"New queue message detected on '{queueName}'."),
            BindingData(message),
            $" for message {message.MessageId} (dequeue count {message.DequeueCount})",
            cancellationToken);

    private static Dictionary<string, object?> BindingData(QueueMessage message) => new()
    {
        ["Id"] = message.MessageId,
        ["DequeueCount"] = message.DequeueCount,
        ["InsertionTime"] = message.InsertedOn,
        ["ExpirationTime"] = message.ExpiresOn,
        ["NextVisibleTime"] = message.NextVisibleOn,
        ["PopReceipt"] = message.PopReceipt,
    };

    private QueueServiceClient ClientFor(string? connection)
    {
        var name = string.IsNullOrEmpty(connection) ? DefaultConnection : connection;
        if (_clients.TryGetValue(name, out var existing))
        {
            return existing;
        }

        QueueServiceClient? client = null;
        var options = new QueueClientOptions { MessageEncoding = hostJson.Queues.MessageEncoding };

        // As the Functions host does: a message the configured encoding cannot decode goes to the poison queue.
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is { } received && client is not null &&
                QueueMessageProcessor.PoisonQueueNameFor(args.Queue.Name) is { } poisonName)
            {
                _logger.LogWarning("Message {MessageId} of queue '{Queue}' is not {Encoding}-encoded; moving it to '{PoisonQueue}'.",
                    received.MessageId, args.Queue.Name, hostJson.Queues.MessageEncoding, poisonName);
                await QueueMessageProcessor.SendCreatingQueueAsync(client.GetQueueClient(poisonName), received.Body, args.CancellationToken);
                await args.Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, args.CancellationToken);
            }
        };

        if (name.Equals(DefaultConnection, StringComparison.OrdinalIgnoreCase))
        {
            client = storage.CreateQueueServiceClient(options);
        }
        else
        {
            var connectionString = configuration[$"AzureWebJobs{name}"] ?? configuration[name];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"Queue connection '{name}' is not configured (app setting '{name}' with a connection string).");
            }

            foreach (var policy in policies)
            {
                options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
            }

            client = new QueueServiceClient(connectionString, options);
        }

        _clients[name] = client;
        return client;
    }
}
