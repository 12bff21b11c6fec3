using System.Text.RegularExpressions;
using Kok.DevHost.Functions;
using Kok.Functions;

namespace Kok.IntegrationTests.Http;

/// <summary>
/// The HTTP functions DevHost discovers in Kok.Functions, with their route and methods, so tests that must cover
/// every route pick a new one up without being touched.
/// </summary>
internal static partial class HttpFunctionRoutes
{
    public static IReadOnlyList<FunctionDescriptor> All { get; } = FunctionCatalog
        .Discover([typeof(KokServiceCollectionExtensions).Assembly])
        .Where(f => f.Trigger == FunctionTriggerKind.Http)
        .ToArray();

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var function in All)
        {
            names.Add(function.Name);
        }

        return names;
    }

    public static FunctionDescriptor Named(string name) => All.Single(f => f.Name == name);

    /// <summary>The route (host.json's prefix is empty) with each <c>{parameter}</c> replaced by <paramref name="value"/>.</summary>
    public static string Path(FunctionDescriptor function, Func<string, string> value) =>
        Parameter().Replace(function.HttpTrigger!.Route ?? function.Name, m => value(m.Groups[1].Value));

    public static bool HasParameters(FunctionDescriptor function) => Parameter().IsMatch(function.HttpTrigger!.Route ?? string.Empty);

    public static IReadOnlyList<HttpMethod> Methods(FunctionDescriptor function) =>
        function.HttpTrigger!.Methods is { Length: > 0 } methods
            ? methods.Select(m => new HttpMethod(m.ToUpperInvariant())).ToArray()
            : [HttpMethod.Get, HttpMethod.Post];

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
