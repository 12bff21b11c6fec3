using System.Reflection;
using Kok.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kok.IntegrationTests.Infrastructure;

/// <summary>How a test wants its <see cref="DevHostServer"/>: storage, clock, counters, functions and settings.</summary>
public sealed class DevHostServerOptions
{
    /// <summary>Defaults to <see cref="TestStorage.ConnectionString"/> (the Azurite from <c>AzureWebJobsStorage</c>).</summary>
    public string StorageConnectionString { get; set; } = TestStorage.ConnectionString;

    /// <summary>Replaces the app's <see cref="TimeProvider"/> (e.g. a FakeTimeProvider that drives timer triggers).</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Registered as an HttpPipelinePolicy, so it counts every storage request of the app and its triggers.</summary>
    public StorageTransactionCounter? TransactionCounter { get; set; }

    /// <summary>Extra app settings (they win over appsettings.json and environment variables).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Assemblies scanned for functions in addition to Kok.Functions (e.g. a test assembly's samples).</summary>
    public IList<Assembly> FunctionAssemblies { get; } = [];

    /// <summary>host.json's "functions" list: when not empty, only these functions are loaded.</summary>
    public IList<string> OnlyFunctions { get; } = [];

    /// <summary>Queue polling: the host's minimum by default, so tests see messages quickly.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Retry delay after a failed queue message: none by default, so retries happen at once.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>host.json's maxDequeueCount when set; else the repository's host.json value.</summary>
    public int? MaxDequeueCount { get; set; }

    /// <summary>Console logging level; tests mostly want quiet output.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>When set, receives every log entry at every level.</summary>
    public CapturedLogs? Logs { get; set; }

    /// <summary>
    /// How long an HTTP request may wait for one storage operation before it answers 503. By default more patient
    /// than the app's <see cref="StorageBudget.Interactive"/> (same attempts, <see cref="SharedEmulatorBudget"/>):
    /// the tests share one single-threaded emulator with the tests running beside them, and on a busy two-core machine
    /// an answer from it now and then takes longer than 2.5 s although it is up, which made unrelated tests see 503s.
    /// Tests of the 503 path itself set <see cref="StorageBudget.Interactive"/>.
    /// </summary>
    public StorageBudget InteractiveStorageBudget { get; set; } = SharedEmulatorBudget;

    /// <summary>The default of <see cref="InteractiveStorageBudget"/>: the app's attempts and delays, 90 s in all (within the test client's timeout).</summary>
    public static StorageBudget SharedEmulatorBudget { get; } = StorageBudget.Interactive with { PerOperation = TimeSpan.FromSeconds(90) };

    /// <summary>Last word on services (runs after the options above are applied, before AddKokBackend).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
