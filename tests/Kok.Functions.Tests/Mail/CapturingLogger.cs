using Microsoft.Extensions.Logging;

namespace Kok.Functions.Tests.Mail;

/// <summary>Keeps every formatted log line, so tests can prove what never reaches the logs.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Lines.Add(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
    }
}
