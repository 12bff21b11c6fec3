using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>
/// The <see cref="FunctionContext"/> DevHost passes to functions: invocation and function ids, the invocation's DI
/// scope as <see cref="InstanceServices"/>, its cancellation token, items and trigger binding data. Trace and retry
/// contexts do not exist locally (null), as when the host has no retry policy.
/// </summary>
public sealed class DevHostFunctionContext : FunctionContext
{
    /// <summary>The <see cref="Items"/> key under which the ASP.NET Core integration keeps the HttpContext.</summary>
    public const string HttpContextItemKey = "HttpRequestContext";

    internal DevHostFunctionContext(
        FunctionDescriptor function,
        IServiceProvider services,
        IReadOnlyDictionary<string, object?> bindingData,
        CancellationToken cancellationToken)
    {
        Function = function;
        InstanceServices = services;
        FunctionDefinition = new DevHostFunctionDefinition(function);
        BindingContext = new DevHostBindingContext(bindingData);
        CancellationToken = cancellationToken;
    }

    public FunctionDescriptor Function { get; }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => null!;

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features { get; } = new DevHostInvocationFeatures();

    public override CancellationToken CancellationToken { get; }
}
