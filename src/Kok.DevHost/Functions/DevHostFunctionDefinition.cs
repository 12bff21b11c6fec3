using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>The worker's <see cref="FunctionDefinition"/> for a DevHost function: names and parameters, no binding metadata.</summary>
internal sealed class DevHostFunctionDefinition(FunctionDescriptor function) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters { get; } =
        [.. function.Parameters.Select(p => new FunctionParameter(p.Name, p.Type))];

    public override string PathToAssembly { get; } = function.FunctionType.Assembly.Location;

    public override string EntryPoint { get; } = function.EntryPoint;

    public override string Id { get; } = FunctionIds.For(function);

    public override string Name { get; } = function.Name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty;
}
