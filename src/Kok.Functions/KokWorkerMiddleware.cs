using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions;

/// <summary>
/// The worker middleware of the app, per trigger kind, outermost first. The Functions host runs it through
/// <see cref="UseKokMiddleware"/> (Program.cs); DevHost wraps every invocation with <see cref="Compose"/>: one list,
/// so both hosts run the same middleware in the same order. Each middleware is a singleton from
/// <c>AddKokBackend</c>, as the worker's <c>UseMiddleware</c> would make it. For HTTP functions the list carries
/// what they declare (<see cref="HttpEndpoint"/>): the staff guard and the supporter guard first (nothing of a refused request is read), then
/// the public forms' CORS and rate limit, then the JSON body; the function's own code is what is left.
/// </summary>
public static class KokWorkerMiddleware
{
    private static readonly (Type Middleware, Func<FunctionContext, bool> AppliesTo)[] Pipeline =
    [
        (typeof(ServiceUnavailableMiddleware), IsHttpTrigger),
        (typeof(StaffGuardMiddleware), c => IsHttpTrigger(c) && HttpEndpoint.Of(c).Staff is not null),
        (typeof(SelfService.SupporterGuardMiddleware), c => IsHttpTrigger(c) && HttpEndpoint.Of(c).IsSupporterOnly),
        (typeof(PublicFormMiddleware), c => IsHttpTrigger(c) && HttpEndpoint.Of(c).IsPublicForm),
        (typeof(JsonBodyMiddleware), c => IsHttpTrigger(c) && HttpEndpoint.Of(c).JsonBodyMaxBytes is not null),
    ];

    public static IEnumerable<Type> Types => Pipeline.Select(p => p.Middleware);

    public static IFunctionsWorkerApplicationBuilder UseKokMiddleware(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(Compose);
    }

    /// <summary><paramref name="next"/> (the function, or the rest of the host's pipeline) inside the app's middleware.</summary>
    public static FunctionExecutionDelegate Compose(FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var pipeline = next;
        foreach (var (type, appliesTo) in Pipeline.Reverse())
        {
            var inner = pipeline;
            pipeline = context => appliesTo(context)
                ? ((IFunctionsWorkerMiddleware)context.InstanceServices.GetRequiredService(type)).Invoke(context, inner)
                : inner(context);
        }

        return pipeline;
    }

    /// <summary>Whether the invocation's trigger is HTTP, read from its binding metadata as the worker's own samples do.</summary>
    public static bool IsHttpTrigger(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FunctionDefinition.InputBindings.Values.Any(b => string.Equals(b.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase));
    }
}
