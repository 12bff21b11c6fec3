namespace Kok.DevHost.Functions;

/// <summary>Where DevHost takes a function parameter's value from at invocation.</summary>
internal enum ParameterSource
{
    FunctionContext,
    CancellationToken,
    HttpRequest,
    HttpBody,
    RouteOrQuery,
    QueueMessageText,
    QueueMessageBytes,
    QueueMessageBinaryData,
    QueueMessage,
    QueueMessageJson,
    TimerInfo,
}
