using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>One <c>[Function]</c> method found by <see cref="FunctionCatalog"/>, with its trigger and parameter bindings.</summary>
public sealed class FunctionDescriptor
{
    internal FunctionDescriptor(
        string name,
        MethodInfo method,
        FunctionTriggerKind trigger,
        Attribute triggerAttribute,
        IReadOnlyList<FunctionParameterBinding> parameters,
        Type? resultType)
    {
        Name = name;
        Method = method;
        Trigger = trigger;
        TriggerAttribute = triggerAttribute;
        Parameters = parameters;
        ResultType = resultType;
    }

    public string Name { get; }

    public MethodInfo Method { get; }

    public Type FunctionType => Method.DeclaringType!;

    /// <summary><c>Namespace.Class.Method</c>, as the worker's function definition calls it.</summary>
    public string EntryPoint => $"{FunctionType.FullName}.{Method.Name}";

    public FunctionTriggerKind Trigger { get; }

    public Attribute TriggerAttribute { get; }

    public HttpTriggerAttribute? HttpTrigger => TriggerAttribute as HttpTriggerAttribute;

    public QueueTriggerAttribute? QueueTrigger => TriggerAttribute as QueueTriggerAttribute;

    public TimerTriggerAttribute? TimerTrigger => TriggerAttribute as TimerTriggerAttribute;

    internal IReadOnlyList<FunctionParameterBinding> Parameters { get; }

    /// <summary>What the (awaited) method returns; null for void, Task and ValueTask.</summary>
    internal Type? ResultType { get; }

    public override string ToString() => $"{Name} ({Trigger})";
}
