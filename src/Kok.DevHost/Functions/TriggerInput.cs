using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>What fired an invocation: an HTTP request, a queue message or a timer tick.</summary>
internal sealed class TriggerInput
{
    private TriggerInput(string reason)
    {
        Reason = reason;
    }

    public string Reason { get; }

    public HttpContext? Http { get; private init; }

    public QueueMessage? Message { get; private init; }

    public TimerInfo? Timer { get; private init; }

    public static TriggerInput ForHttp(HttpContext http) => new("This function was programmatically called via the host APIs.") { Http = http };

    public static TriggerInput ForMessage(QueueMessage message, string reason) => new(reason) { Message = message };

    public static TriggerInput ForTimer(TimerInfo timer, string reason) => new(reason) { Timer = timer };
}
