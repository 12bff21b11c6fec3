using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace Kok.DevHost.Tests.Samples;

/// <summary>
/// Methods DevHost must refuse. They carry no [Function] attribute, so scanning this assembly ignores them; the
/// tests hand them to the validation one by one.
/// </summary>
public static class NotFunctions
{
    public static void TwoTriggers([QueueTrigger("orders")] string message, [TimerTrigger("0 * * * * *")] TimerInfo timer)
    {
    }

    public static void NoTrigger(string message)
    {
    }

    public static void LoggerParameter([QueueTrigger("orders")] string message, ILogger logger)
    {
    }

    public static string QueueWithReturnValue([QueueTrigger("orders")] string message) => message;

    public static HttpResponseData RequestData([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) =>
        request.CreateResponse();

    public static string HttpReturningText([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => "text";

    public static void Valid([QueueTrigger("orders")] string message)
    {
    }
}
