using Microsoft.Extensions.Logging;

namespace Kok.IntegrationTests.Infrastructure;

public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The message and anything an exception would add to a log line.</summary>
    public string FullText => Exception is null ? Message : $"{Message} {Exception}";
}
