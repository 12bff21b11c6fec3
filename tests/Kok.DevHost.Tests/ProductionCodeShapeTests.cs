using System.Reflection;
using System.Runtime.CompilerServices;

namespace Kok.DevHost.Tests;

/// <summary>
/// Shape rules of the production code that the compiler does not keep: checked over the compiled assemblies of the
/// domain, the Functions app and DevHost, so code added later is held to them too.
/// </summary>
public class ProductionCodeShapeTests
{
    /// <summary>
    /// The save-pipeline issue's rule: a method that needs more than five parameters is doing two things or misses a
    /// type that names what travels together (a form, a spec, a group). Constructors are exempt: a use case's
    /// dependencies arrive there.
    /// </summary>
    public const int MaxParameters = 5;

    private static readonly Assembly[] Production =
    [
        typeof(Kok.Domain.AssemblyMarker).Assembly,
        typeof(Kok.Functions.KokWorkerMiddleware).Assembly,
        typeof(DevHostApp).Assembly,
    ];

    [Fact]
    public void No_production_method_takes_more_than_five_parameters()
    {
        var offending = Production
            .SelectMany(a => a.GetTypes())
            .Where(t => !IsGenerated(t) && !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => !m.IsSpecialName && !IsGenerated(m) && m.GetParameters().Length > MaxParameters)
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name} ({m.GetParameters().Length})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offending.Count == 0, "Methods with more than 5 parameters: " + string.Join(", ", offending));
    }

    [Fact]
    public void The_parameter_rule_sees_a_method_that_breaks_it()
    {
        var method = typeof(ProductionCodeShapeTests).GetMethod(nameof(SixParameters), BindingFlags.NonPublic | BindingFlags.Static)!;

        Assert.False(IsGenerated(method));
        Assert.True(method.GetParameters().Length > MaxParameters);
    }

    /// <summary>
    /// What the compiler writes (closures, state machines, local functions, record members): their parameters follow
    /// from code that is checked itself.
    /// </summary>
    private static bool IsGenerated(MemberInfo member) =>
        member.Name.Contains('<', StringComparison.Ordinal) || member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static int SixParameters(int a, int b, int c, int d, int e, int f) => a + b + c + d + e + f;
}
