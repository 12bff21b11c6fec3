using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kok.IntegrationTests.Infrastructure;

/// <summary>
/// An Azurite of a test's own (the repository's node_modules/.bin/azurite, in memory, on free loopback ports), for
/// tests that stop and restart storage. <see cref="RestartAsync"/> comes back on the same ports with empty storage.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string ExecutableVariable = "AZURITE_PATH";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _executable;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private AzuriteProcess(string executable, int blobPort, int queuePort, int tablePort)
    {
        _executable = executable;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString => TestStorage.AzuriteConnectionString(BlobPort, QueuePort, TablePort);

    public static async Task<AzuriteProcess> StartAsync()
    {
        var ports = FreeTcpPort.Pick(3);
        var azurite = new AzuriteProcess(FindExecutable(), ports[0], ports[1], ports[2]);
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary><c>AZURITE_PATH</c>, else node_modules/.bin/azurite in the nearest folder above the tests that has it.</summary>
    public static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"Azurite not found: run 'npm ci' in the repository root (it installs node_modules/.bin/azurite) or set {ExecutableVariable}.");
    }

    /// <summary>Starts Azurite (again) on this instance's ports and waits until all three services accept connections.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("Azurite is still running.");
        }

        _process?.Dispose();
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var process = _process;
        await Eventually.WaitUntilAsync(
            async () => process.HasExited
                ? throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {string.Join(" | ", _output)}")
                : await FreeTcpPort.IsListeningAsync(BlobPort) && await FreeTcpPort.IsListeningAsync(QueuePort) &&
                  await FreeTcpPort.IsListeningAsync(TablePort),
            $"Azurite listens on {BlobPort}/{QueuePort}/{TablePort}",
            StartTimeout);
    }

    /// <summary>Kills Azurite (abruptly, like a crash) and waits until its ports refuse connections.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await Eventually.WaitUntilAsync(
            async () => !await FreeTcpPort.IsListeningAsync(TablePort) && !await FreeTcpPort.IsListeningAsync(QueuePort),
            "Azurite's ports are closed");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 50)
        {
            _output.TryDequeue(out _);
        }
    }
}
