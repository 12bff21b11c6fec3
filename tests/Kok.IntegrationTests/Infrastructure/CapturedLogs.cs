using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kok.IntegrationTests.Infrastructure;

/// <summary>
/// Every log entry of a host, at all levels (set <see cref="DevHostServerOptions.Logs"/>, or add it as a logger
/// provider), with scopes and structured state values, so tests can check what reaches logs: no personal data, no
/// message bodies.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<CapturedLogEntry> Entries => _entries.ToArray();

    /// <summary>Each entry as "Level Category: message [state values] exception", and each scope opened.</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            logs._lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            logs._entries.Enqueue(new CapturedLogEntry(category, logLevel, message, exception));
            logs._lines.Enqueue($"{logLevel} {category}: {message} [{values}] {exception}");
        }
    }
}
