using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Kok.Functions;
using Microsoft.AspNetCore.Http;

namespace Kok.DevHost.Functions;

/// <summary>
/// Runs one invocation like the worker does: inside the app's worker middleware (<see cref="KokWorkerMiddleware"/>),
/// the function class is created for this invocation from its DI scope (constructor injection through
/// ActivatorUtilities), parameters are bound from the trigger, and the awaited result is returned (null when a
/// middleware answered instead). Failures are logged with the exception type (stack traces at Debug), never the exception
/// message: it may quote data from the request or message, which must not reach logs.
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes, FunctionExecutions executions, ILogger<FunctionInvoker> logger)
{
    /// <summary>Runs a non-HTTP invocation in a DI scope of its own, as the worker does per invocation.</summary>
    public async Task InvokeInNewScopeAsync(
        FunctionDescriptor function,
        TriggerInput input,
        IReadOnlyDictionary<string, object?> bindingData,
        string logDetail,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new DevHostFunctionContext(function, scope.ServiceProvider, bindingData, cancellationToken);
        await InvokeAsync(context, input, logDetail);
    }

    public async Task<object?> InvokeAsync(DevHostFunctionContext context, TriggerInput input, string logDetail = "")
    {
        var function = context.Function;
        logger.LogInformation("Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId}){Detail}",
            function.Name, input.Reason, context.InvocationId, logDetail);
        var started = Stopwatch.GetTimestamp();
        using var current = FunctionExecutions.Enter(function.Name);
        try
        {
            // The app's worker middleware wraps the function here as it does in the Functions host (Program.cs).
            object? result = null;
            await KokWorkerMiddleware.Compose(async _ => result = await RunAsync(context, input))(context);
            executions.Record(function.Name, succeeded: true);
            logger.LogInformation("Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)",
                function.Name, context.InvocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception ex)
        {
            executions.Record(function.Name, succeeded: false);
            logger.LogError("Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={Duration}ms){Detail}: {ExceptionType}",
                function.Name, context.InvocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, logDetail, ex.GetType().FullName);
            logger.LogDebug("Failure of 'Functions.{Function}' (Id={InvocationId}):{Trace}", function.Name, context.InvocationId, TypesAndStackTraces(ex));
            throw;
        }
    }

    /// <summary>Exception types and stack traces without the messages, which may quote request or message data.</summary>
    internal static string TypesAndStackTraces(Exception exception)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            text.AppendLine().Append(current == exception ? string.Empty : "---> ").Append(current.GetType().FullName)
                .AppendLine().Append(current.StackTrace);
        }

        return text.ToString();
    }

    private static async Task<object?> RunAsync(DevHostFunctionContext context, TriggerInput input)
    {
        var function = context.Function;
        var arguments = new object?[function.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = await BindAsync(function.Parameters[i], context, input);
        }

        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.InstanceServices, function.FunctionType);
        try
        {
            object? returned;
            try
            {
                returned = function.Method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            return await AwaitAsync(returned, function.ResultType);
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>Awaits Task/ValueTask results; <paramref name="resultType"/> is what the function declares it yields.</summary>
    private static async Task<object?> AwaitAsync(object? returned, Type? resultType)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return resultType is null ? null : typeof(Task<>).MakeGenericType(resultType).GetProperty(nameof(Task<object>.Result))!.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when resultType is not null && returned.GetType() == typeof(ValueTask<>).MakeGenericType(resultType):
                var asTask = (Task)returned.GetType().GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                return await AwaitAsync(asTask, resultType);
            default:
                return returned;
        }
    }

    private static async ValueTask<object?> BindAsync(FunctionParameterBinding binding, DevHostFunctionContext context, TriggerInput input)
    {
        switch (binding.Source)
        {
            case ParameterSource.FunctionContext:
                return context;
            case ParameterSource.CancellationToken:
                return context.CancellationToken;
            case ParameterSource.HttpRequest:
                return Require(input.Http, binding).Request;
            case ParameterSource.HttpBody:
                var request = Require(input.Http, binding).Request;
                if (request.ContentLength == 0)
                {
                    return DefaultOf(binding);
                }

                return await JsonSerializer.DeserializeAsync(request.Body, binding.Type, FunctionJson.Options, context.CancellationToken);
            case ParameterSource.RouteOrQuery:
                return RouteOrQuery(Require(input.Http, binding), binding);
            case ParameterSource.QueueMessageText:
                return Require(input.Message, binding).Body.ToString();
            case ParameterSource.QueueMessageBytes:
                return Require(input.Message, binding).Body.ToArray();
            case ParameterSource.QueueMessageBinaryData:
                return Require(input.Message, binding).Body;
            case ParameterSource.QueueMessage:
                return Require(input.Message, binding);
            case ParameterSource.QueueMessageJson:
                return JsonSerializer.Deserialize(Require(input.Message, binding).Body.ToMemory().Span, binding.Type, FunctionJson.Options);
            case ParameterSource.TimerInfo:
                return Require(input.Timer, binding);
            default:
                throw new InvalidOperationException($"Unknown parameter source {binding.Source}.");
        }
    }

    private static object? RouteOrQuery(HttpContext http, FunctionParameterBinding binding)
    {
        string? raw = http.Request.RouteValues.TryGetValue(binding.Name, out var routeValue) && routeValue is not null
            ? Convert.ToString(routeValue, CultureInfo.InvariantCulture)
            : http.Request.Query.TryGetValue(binding.Name, out var queryValue) ? queryValue.ToString() : null;
        if (raw is null)
        {
            return DefaultOf(binding);
        }

        if (binding.Type == typeof(string))
        {
            return raw;
        }

        var converter = TypeDescriptor.GetConverter(binding.Type);
        return converter.ConvertFromInvariantString(raw);
    }

    private static object? DefaultOf(FunctionParameterBinding binding) =>
        binding.Parameter.HasDefaultValue ? binding.Parameter.DefaultValue
        : binding.Type.IsValueType && Nullable.GetUnderlyingType(binding.Type) is null ? Activator.CreateInstance(binding.Type)
        : null;

    private static T Require<T>(T? value, FunctionParameterBinding binding) where T : class =>
        value ?? throw new InvalidOperationException($"Parameter '{binding.Name}' needs a {typeof(T).Name}, which this invocation does not have.");
}
