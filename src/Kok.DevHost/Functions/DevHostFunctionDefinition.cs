using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Kok.DevHost.Functions;

/// <summary>
/// The worker's <see cref="FunctionDefinition"/> for a DevHost function: names, parameters and the trigger's binding
/// (type <c>httpTrigger</c>, <c>queueTrigger</c> or <c>timerTrigger</c>, as the Functions SDK names them), which
/// worker middleware reads to tell trigger kinds apart; no other binding metadata.
/// </summary>
internal sealed class DevHostFunctionDefinition(FunctionDescriptor function) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters { get; } =
        [.. function.Parameters.Select(p => new FunctionParameter(p.Name, p.Type))];

    public override string PathToAssembly { get; } = function.FunctionType.Assembly.Location;

    public override string EntryPoint { get; } = function.EntryPoint;

    public override string Id { get; } = FunctionIds.For(function);

    public override string Name { get; } = function.Name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty.Add(TriggerName(function), new TriggerBinding(TriggerName(function), TriggerType(function)));

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty;

    private static string TriggerName(FunctionDescriptor function) =>
        function.Parameters.First(p => p.Parameter.GetCustomAttributes<TriggerBindingAttribute>().Any()).Name;

    private static string TriggerType(FunctionDescriptor function) => function.Trigger switch
    {
        FunctionTriggerKind.Http => "httpTrigger",
        FunctionTriggerKind.Queue => "queueTrigger",
        _ => "timerTrigger",
    };

    private sealed class TriggerBinding(string name, string type) : BindingMetadata
    {
        public override string Name { get; } = name;

        public override string Type { get; } = type;

        public override BindingDirection Direction => BindingDirection.In;
    }
}
