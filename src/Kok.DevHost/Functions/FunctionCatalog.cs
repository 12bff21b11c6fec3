using System.Reflection;
using System.Text.RegularExpressions;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Kok.DevHost.Functions;

/// <summary>
/// The functions DevHost runs: every public <c>[Function]</c> method in <see cref="FunctionHostOptions.Assemblies"/>,
/// found by its attributes (as the Functions SDK does), limited to host.json's <c>functions</c> list when it has one.
/// A function whose bindings DevHost cannot serve stops the start with a message naming it, instead of being skipped.
/// </summary>
public sealed partial class FunctionCatalog
{
    private readonly IConfiguration? _configuration;

    public FunctionCatalog(IOptions<FunctionHostOptions> options, HostJsonSettings hostJson, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hostJson);
        Functions = Discover(options.Value.Assemblies).Where(f => hostJson.Includes(f.Name)).ToArray();
        _configuration = configuration;
    }

    internal FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions)
    {
        Functions = functions;
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public FunctionDescriptor? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The Functions host's per-function switch: app setting <c>AzureWebJobs.{name}.Disabled</c> = true stops its
    /// trigger (no route, no polling, no schedule); the admin endpoint can still run it.
    /// </summary>
    public bool IsDisabled(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var value = _configuration?[$"AzureWebJobs.{function.Name}.Disabled"] ?? _configuration?[$"AzureWebJobs:{function.Name}:Disabled"];
        return value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<FunctionDescriptor> Discover(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var functions = new List<FunctionDescriptor>();
        var problems = new List<string>();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in LoadableTypes(assembly))
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    if (method.GetCustomAttribute<FunctionAttribute>() is not { } attribute)
                    {
                        continue;
                    }

                    try
                    {
                        functions.Add(Describe(attribute.Name, method));
                    }
                    catch (InvalidOperationException ex)
                    {
                        problems.Add(ex.Message);
                    }
                }
            }
        }

        problems.AddRange(functions
            .GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"Function name '{g.Key}' is used by {string.Join(" and ", g.Select(f => f.EntryPoint))}."));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("DevHost cannot host these functions:" + Environment.NewLine + "  " +
                                                string.Join(Environment.NewLine + "  ", problems));
        }

        return functions.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Validates one function method and works out how to bind each parameter.</summary>
    internal static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var where = $"{method.DeclaringType?.FullName}.{method.Name}";
        if (!FunctionName().IsMatch(name ?? string.Empty))
        {
            throw new InvalidOperationException($"{where}: function name '{name}' must start with a letter and contain only letters, digits, '_' and '-'.");
        }

        if (method.IsGenericMethodDefinition || method.DeclaringType is null || method.DeclaringType.ContainsGenericParameters ||
            (!method.IsStatic && method.DeclaringType.IsAbstract))
        {
            throw new InvalidOperationException($"{where}: a function must be a non-generic method of a concrete class.");
        }

        if (method.ReturnParameter.GetCustomAttributes<OutputBindingAttribute>().Any() || method.GetCustomAttributes<OutputBindingAttribute>().Any())
        {
            throw new InvalidOperationException($"{where}: output bindings are not supported by DevHost; write through the app's storage clients.");
        }

        var parameters = method.GetParameters();
        var triggers = parameters
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttributes<TriggerBindingAttribute>().FirstOrDefault()))
            .Where(t => t.Attribute is not null)
            .ToArray();
        if (triggers.Length != 1)
        {
            throw new InvalidOperationException($"{where}: a function needs exactly one trigger parameter, found {triggers.Length}.");
        }

        var (triggerParameter, triggerAttribute) = triggers[0];
        var kind = triggerAttribute switch
        {
            HttpTriggerAttribute => FunctionTriggerKind.Http,
            QueueTriggerAttribute => FunctionTriggerKind.Queue,
            TimerTriggerAttribute => FunctionTriggerKind.Timer,
            _ => throw new InvalidOperationException($"{where}: trigger {triggerAttribute!.GetType().Name} is not supported by DevHost (HTTP, queue and timer are)."),
        };

        var bindings = parameters.Select(p => Bind(where, kind, p, p == triggerParameter)).ToArray();
        var resultType = AwaitedType(method.ReturnType);
        if (resultType is not null)
        {
            var httpResult = kind == FunctionTriggerKind.Http &&
                             (typeof(Microsoft.AspNetCore.Mvc.IActionResult).IsAssignableFrom(resultType) || typeof(IResult).IsAssignableFrom(resultType));
            if (!httpResult)
            {
                throw new InvalidOperationException(kind == FunctionTriggerKind.Http
                    ? $"{where}: an HTTP function must return IActionResult, IResult, or nothing (it wrote the response), not {resultType.Name}."
                    : $"{where}: a {kind} function's return value would be an output binding, which DevHost does not support; return void or Task.");
            }
        }

        return new FunctionDescriptor(name!, method, kind, triggerAttribute!, bindings, resultType);
    }

    private static FunctionParameterBinding Bind(string where, FunctionTriggerKind kind, ParameterInfo parameter, bool isTrigger)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttributes<InputBindingAttribute>().Any() || parameter.GetCustomAttributes<OutputBindingAttribute>().Any())
        {
            throw new InvalidOperationException($"{where}: parameter '{parameter.Name}' has an input/output binding, which DevHost does not support.");
        }

        if (type.IsByRef)
        {
            throw new InvalidOperationException($"{where}: parameter '{parameter.Name}' must not be ref/out.");
        }

        ParameterSource? source = isTrigger
            ? kind switch
            {
                FunctionTriggerKind.Http when type == typeof(HttpRequest) => ParameterSource.HttpRequest,
                FunctionTriggerKind.Queue => QueueSource(type),
                FunctionTriggerKind.Timer when type == typeof(TimerInfo) => ParameterSource.TimerInfo,
                _ => null,
            }
            : type == typeof(FunctionContext) ? ParameterSource.FunctionContext
            : type == typeof(CancellationToken) ? ParameterSource.CancellationToken
            : kind == FunctionTriggerKind.Http && parameter.GetCustomAttribute<FromBodyAttribute>() is not null ? ParameterSource.HttpBody
            : kind == FunctionTriggerKind.Http && IsSimple(type) ? ParameterSource.RouteOrQuery
            : null;

        return source is { } s
            ? new FunctionParameterBinding(parameter, s)
            : throw new InvalidOperationException(isTrigger
                ? $"{where}: trigger parameter '{parameter.Name}' of type {type.Name} is not supported (HTTP: HttpRequest; queue: string, byte[], BinaryData, QueueMessage or a JSON type; timer: TimerInfo)."
                : $"{where}: parameter '{parameter.Name}' of type {type.Name} cannot be bound by DevHost (FunctionContext, CancellationToken, route values and [FromBody] can).");
    }

    private static ParameterSource QueueSource(Type type) =>
        type == typeof(string) ? ParameterSource.QueueMessageText
        : type == typeof(byte[]) ? ParameterSource.QueueMessageBytes
        : type == typeof(BinaryData) ? ParameterSource.QueueMessageBinaryData
        : type == typeof(QueueMessage) ? ParameterSource.QueueMessage
        : ParameterSource.QueueMessageJson;

    internal static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(Guid) ||
               t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeSpan);
    }

    /// <summary>What awaiting the return value yields: null for void, Task and ValueTask.</summary>
    private static Type? AwaitedType(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        if (returnType.IsGenericType &&
            (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return returnType.GetGenericArguments()[0];
        }

        return returnType;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();
}
