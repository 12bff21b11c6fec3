using System.Reflection;
using Kok.Functions;

namespace Kok.DevHost.Functions;

/// <summary>
/// Which assemblies DevHost scans for <c>[Function]</c> methods. Kok.Functions by default; tests add their own
/// assembly of sample functions with <c>services.Configure&lt;FunctionHostOptions&gt;(o =&gt; o.Assemblies.Add(...))</c>.
/// </summary>
public sealed class FunctionHostOptions
{
    public IList<Assembly> Assemblies { get; } = [typeof(KokServiceCollectionExtensions).Assembly];
}
