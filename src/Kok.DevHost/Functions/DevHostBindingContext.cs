using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>Trigger metadata of one invocation (route values and query for HTTP, message properties for queues).</summary>
internal sealed class DevHostBindingContext(IReadOnlyDictionary<string, object?> bindingData) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData { get; } = bindingData;
}
