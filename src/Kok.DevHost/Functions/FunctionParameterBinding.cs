using System.Reflection;

namespace Kok.DevHost.Functions;

internal sealed record FunctionParameterBinding(ParameterInfo Parameter, ParameterSource Source)
{
    public string Name => Parameter.Name ?? string.Empty;

    public Type Type => Parameter.ParameterType;
}
