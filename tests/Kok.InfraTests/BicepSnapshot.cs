using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Kok.InfraTests;

/// <summary>
/// Evaluates infra/bicep/main.bicep for given parameter values without Azure: `bicep snapshot` over a generated
/// .bicepparam checks the parameters' declared constraints, runs the template's own checks (fail()) and expressions,
/// and predicts every resource with its evaluated properties. Answers the Function App's app settings, or the
/// reason the template refused the values.
/// </summary>
internal static class BicepSnapshot
{
    public sealed record Result(IReadOnlyDictionary<string, string>? AppSettings, string? Refusal);

    public static Result Evaluate(IReadOnlyDictionary<string, object> parameters)
    {
        var directory = Directory.CreateTempSubdirectory("kok-snapshot-").FullName;
        try
        {
            var main = InfraPaths.InRepository("infra/bicep/main.bicep");
            var file = Path.Combine(directory, "probe.bicepparam");
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"using '{Literal(Path.GetRelativePath(directory, main).Replace('\\', '/'))}'\n");
            foreach (var (name, value) in parameters)
            {
                text.Append(CultureInfo.InvariantCulture, $"param {name} = {(value is string s ? "'" + Literal(s) + "'" : Convert.ToString(value, CultureInfo.InvariantCulture))}\n");
            }

            File.WriteAllText(file, text.ToString());
            var output = Run(file);
            var snapshot = Path.Combine(directory, "probe.snapshot.json");
            if (!File.Exists(snapshot))
            {
                return new Result(null, output);
            }

            var settings = JsonNode.Parse(File.ReadAllText(snapshot))!["predictedResources"]!.AsArray()
                .Single(r => (string?)r!["type"] == "Microsoft.Web/sites/config" && ((string?)r["name"])!.EndsWith("/appsettings", StringComparison.Ordinal))!
                ["properties"]!.AsObject();
            return new Result(settings.ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal), null);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Which probes the template's own checks refuse: each check's compiled condition (main.json's "checked", with
    /// parameters('p') replaced by the probe) becomes an output of one generated ARM template carrying main.json's
    /// compiled functions (modules/checks.bicep), so a single evaluation answers for every probe.
    /// </summary>
    public static HashSet<(string Parameter, object Value)> Refused(
        JsonObject mainTemplate, IReadOnlyDictionary<string, string> conditions, IReadOnlyDictionary<string, List<object>> probes)
    {
        var directory = Directory.CreateTempSubdirectory("kok-checks-").FullName;
        try
        {
            var outputs = new JsonObject();
            var probed = new List<(string Parameter, object Value)>();
            foreach (var (parameter, condition) in conditions)
            {
                foreach (var value in probes.GetValueOrDefault(parameter) ?? [])
                {
                    var literal = "'" + ((string)value).Replace("'", "''", StringComparison.Ordinal) + "'";
                    outputs[$"probe{probed.Count}"] = new JsonObject
                    {
                        ["type"] = "bool",
                        ["value"] = "[" + condition.Replace($"parameters('{parameter}')", literal, StringComparison.Ordinal) + "]",
                    };
                    probed.Add((parameter, value));
                }
            }

            var template = new JsonObject
            {
                ["$schema"] = (string?)mainTemplate["$schema"],
                ["languageVersion"] = (string?)mainTemplate["languageVersion"],
                ["contentVersion"] = "1.0.0.0",
                ["functions"] = mainTemplate["functions"]!.DeepClone(),

                // The imported module's own variables ("_1.digits") that its functions read; main's depend on parameters.
                ["variables"] = new JsonObject(mainTemplate["variables"]!.AsObject()
                    .Where(v => v.Key.StartsWith('_'))
                    .Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))),
                ["resources"] = new JsonObject(),
                ["outputs"] = outputs,
            };
            File.WriteAllText(Path.Combine(directory, "checks.json"), template.ToJsonString());
            File.WriteAllText(Path.Combine(directory, "probe.bicepparam"), "using 'checks.json'\n");
            var output = Run(Path.Combine(directory, "probe.bicepparam"));
            var snapshot = Path.Combine(directory, "probe.snapshot.json");
            if (!File.Exists(snapshot))
            {
                throw new InvalidOperationException("The checks could not be evaluated:\n" + output);
            }

            var results = JsonNode.Parse(File.ReadAllText(snapshot))!["outputs"]!.AsObject();
            return [.. probed.Where((_, i) => !(bool)results[$"probe{i}"]!)];
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Literal(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("${", "\\${", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Run(string parametersFile) =>
        BicepBuild.Run(
            InfraPaths.BicepCli,
            "snapshot", parametersFile, "--mode", "overwrite",
            "--subscription-id", "00000000-0000-0000-0000-000000000001",
            "--tenant-id", "00000000-0000-0000-0000-000000000002",
            "--location", "germanywestcentral").Output;
}
