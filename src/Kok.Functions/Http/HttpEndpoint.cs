using System.Collections.Concurrent;
using System.Reflection;
using Kok.Functions.Staff;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Http;

/// <summary>
/// What an HTTP function declares about itself, read from its method once per function: route and methods (its
/// <c>[HttpTrigger]</c>), whether it is staff only (<see cref="StaffOnlyAttribute"/> on the method or its class, or
/// a route under <see cref="StaffRoutePrefixes"/>), whether it is a <see cref="PublicFormAttribute"/>, and the JSON
/// body it takes (<see cref="AcceptsJsonAttribute"/>). The worker middleware (<see cref="KokWorkerMiddleware"/>) acts
/// on it. Both hosts name the invoked function by <c>FunctionDefinition.EntryPoint</c> (<c>Namespace.Class.Method</c>)
/// and <c>Name</c>, which is how its method is found.
/// </summary>
public sealed record HttpEndpoint(
    string Route,
    IReadOnlyList<string> Methods,
    StaffOnlyAttribute? Staff,
    bool IsMarkedStaffOnly,
    bool IsPublicForm,
    int? JsonBodyMaxBytes)
{
    private static readonly ConcurrentDictionary<(string EntryPoint, string Name), HttpEndpoint> Known = new();

    /// <summary>
    /// Routes that are staff only by convention: a function here is guarded even if its mark were forgotten (the
    /// office dashboard's API and page). Staff routes elsewhere (<c>GET api/donations/{id}</c>) carry the mark alone.
    /// </summary>
    public static IReadOnlyList<string> StaffRoutePrefixes { get; } = ["api/dashboard", "dashboard"];

    /// <summary>
    /// The supporter's own routes ("Mein KOK"): every function under it needs the supporter's session
    /// (<see cref="SelfService.SupporterGuardMiddleware"/>), except the public form that mails the sign-in link.
    /// </summary>
    public const string SupporterRoutePrefix = "api/me";

    /// <summary>Needs a signed-in supporter: under <see cref="SupporterRoutePrefix"/> and not a public form.</summary>
    public bool IsSupporterOnly =>
        !IsPublicForm && (Route.Equals(SupporterRoutePrefix, StringComparison.OrdinalIgnoreCase)
                          || Route.StartsWith(SupporterRoutePrefix + "/", StringComparison.OrdinalIgnoreCase));

    public static HttpEndpoint Of(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = context.FunctionDefinition;
        return Known.GetOrAdd((definition.EntryPoint, definition.Name), key => Of(FindMethod(key.EntryPoint, key.Name, definition.PathToAssembly)));
    }

    /// <summary>The declarations of an HTTP-triggered <c>[Function]</c> method.</summary>
    public static HttpEndpoint Of(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)
            ?? throw new InvalidOperationException($"{method.DeclaringType?.FullName}.{method.Name} has no HTTP trigger.");
        var route = (trigger.Route ?? method.GetCustomAttribute<FunctionAttribute>()?.Name ?? method.Name).Trim('/');
        var marked = method.GetCustomAttribute<StaffOnlyAttribute>() ?? method.DeclaringType?.GetCustomAttribute<StaffOnlyAttribute>();
        return new HttpEndpoint(
            route,
            [.. (trigger.Methods ?? []).Select(m => m.ToUpperInvariant())],
            marked ?? (IsUnderStaffPrefix(route) ? new StaffOnlyAttribute() : null),
            marked is not null,
            method.GetCustomAttribute<PublicFormAttribute>() is not null,
            method.GetCustomAttribute<AcceptsJsonAttribute>()?.MaxBytes);
    }

    public static bool IsUnderStaffPrefix(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var template = route.Trim('/');
        return StaffRoutePrefixes.Any(prefix => template.Equals(prefix, StringComparison.OrdinalIgnoreCase)
                                                || template.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The function's method. Not found is a defect of the host, never a request's doing: it throws (the request
    /// fails with 500) rather than run a function whose declarations, staff only among them, are unknown.
    /// </summary>
    private static MethodInfo FindMethod(string entryPoint, string name, string pathToAssembly)
    {
        var dot = entryPoint.LastIndexOf('.');
        var typeName = dot > 0 ? entryPoint[..dot] : entryPoint;
        var loaded = AppDomain.CurrentDomain.GetAssemblies();
        var type = loaded.Where(a => !a.IsDynamic && string.Equals(a.Location, pathToAssembly, StringComparison.Ordinal))
                       .Concat(loaded)
                       .Select(a => a.GetType(typeName, throwOnError: false))
                       .FirstOrDefault(t => t is not null)
                   ?? throw new InvalidOperationException($"Function {name}: type {typeName} is not loaded.");
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                   .SingleOrDefault(m => m.Name == entryPoint[(dot + 1)..] && m.GetCustomAttribute<FunctionAttribute>()?.Name == name)
               ?? throw new InvalidOperationException($"Function {name}: no method {entryPoint} carries [Function(\"{name}\")].");
    }
}
