using System.Collections.Immutable;
using System.Reflection;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Tests.Http;

/// <summary>
/// Runs a function as both hosts do, inside <see cref="KokWorkerMiddleware"/>'s list, with a FunctionContext naming
/// its method as the worker's FunctionDefinition does, and returns what answered: the function's result, or the
/// result a middleware wrote instead (taken where ASP.NET Core would execute it).
/// </summary>
internal sealed class WorkerPipeline
{
    private readonly ServiceProvider _services;

    public WorkerPipeline(
        StaffAuthOptions? staff = null,
        WebsiteOptions? website = null,
        RateLimitOptions? rateLimit = null,
        TimeProvider? time = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(staff ?? new StaffAuthOptions(false, null, "staff"));
        services.AddSingleton<StaffAuthorization>();
        services.AddSingleton(website ?? new WebsiteOptions([], new Uri("https://example.org/ok"), new Uri("https://example.org/cancel")));
        services.AddSingleton(rateLimit ?? new RateLimitOptions(100, TimeSpan.FromMinutes(5), null));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<Cors>();
        services.AddSingleton<ClientRateLimiter>();
        foreach (var middleware in KokWorkerMiddleware.Types)
        {
            services.AddSingleton(middleware);
        }

        services.AddScoped<Answer>();
        services.AddScoped(typeof(IActionResultExecutor<>), typeof(Capturing<>));
        _services = services.BuildServiceProvider();
    }

    /// <summary><paramref name="function"/>, the call of <paramref name="functions"/>' method <paramref name="method"/>, through the middleware.</summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, Type functions, string method, Func<Task<IActionResult>> function)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var scope = _services.CreateAsyncScope();
        request.HttpContext.RequestServices = scope.ServiceProvider;
        var context = new Context(functions.GetMethod(method) ?? throw new ArgumentException($"{functions.Name} has no method {method}."), scope.ServiceProvider);
        context.Items["HttpRequestContext"] = request.HttpContext;

        IActionResult? returned = null;
        var ran = false;
        await KokWorkerMiddleware.Compose(async _ =>
        {
            ran = true;
            returned = await function();
        })(context);

        // A StatusCodeResult (the CORS preflight's 204) is executed without an executor; it leaves only its status.
        return ran ? returned! : scope.ServiceProvider.GetRequiredService<Answer>().Result ?? new StatusCodeResult(request.HttpContext.Response.StatusCode);
    }

    private sealed class Answer
    {
        public IActionResult? Result { get; set; }
    }

    private sealed class Capturing<TResult>(Answer answer) : IActionResultExecutor<TResult>
        where TResult : notnull, IActionResult
    {
        public Task ExecuteAsync(ActionContext context, TResult result)
        {
            answer.Result = result;
            return Task.CompletedTask;
        }
    }

    private sealed class Context(MethodInfo method, IServiceProvider services) : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString();

        public override string FunctionId => FunctionDefinition.Id;

        public override TraceContext TraceContext => null!;

        public override BindingContext BindingContext => null!;

        public override RetryContext RetryContext => null!;

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition { get; } = new Definition(method);

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => null!;

        public override CancellationToken CancellationToken => CancellationToken.None;
    }

    private sealed class Definition(MethodInfo method) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly { get; } = method.DeclaringType!.Assembly.Location;

        public override string EntryPoint { get; } = $"{method.DeclaringType!.FullName}.{method.Name}";

        public override string Id => EntryPoint;

        public override string Name { get; } = method.GetCustomAttribute<FunctionAttribute>()!.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
            ImmutableDictionary<string, BindingMetadata>.Empty.Add("request", new HttpTrigger());

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class HttpTrigger : BindingMetadata
    {
        public override string Name => "request";

        public override string Type => "httpTrigger";

        public override BindingDirection Direction => BindingDirection.In;
    }
}
