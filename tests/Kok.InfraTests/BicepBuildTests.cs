using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kok.InfraTests;

[Collection(BicepTemplateGroup.Name)]
public sealed partial class BicepBuildTests(BicepBuild build)
{
    private static readonly string BicepDirectory = InfraPaths.InRepository("infra/bicep");

    [Fact]
    public void Main_bicep_compiles_with_the_packaged_cli()
    {
        Assert.True(build.ExitCode == 0, $"bicep build failed:\n{build.Output}");
        Assert.NotEmpty(build.Resources);
    }

    [Fact]
    public void Compilation_reports_no_warning_and_no_error()
    {
        var diagnostics = build.Output.Split('\n').Where(line => Diagnostic().IsMatch(line)).ToArray();

        Assert.True(diagnostics.Length == 0, "Bicep diagnostics:\n" + string.Join('\n', diagnostics));
    }

    [Fact]
    public void Linter_reports_every_rule_as_a_warning_except_the_date_dependent_ones()
    {
        var config = JsonNode.Parse(
            File.ReadAllText(Path.Combine(BicepDirectory, "bicepconfig.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var core = config["analyzers"]!["core"]!;
        var rules = core["rules"]!.AsObject();

        Assert.True((bool)core["enabled"]!);
        string[] offOnPurpose = ["use-recent-api-versions", "use-recent-module-versions"];
        foreach (var (rule, setting) in rules)
        {
            var expected = offOnPurpose.Contains(rule) ? "off" : "warning";
            Assert.True(expected == (string?)setting!["level"], $"{rule} should be '{expected}'.");
        }

        Assert.Contains("no-hardcoded-env-urls", rules.Select(r => r.Key));
        Assert.Contains("outputs-should-not-contain-secrets", rules.Select(r => r.Key));
    }

    [Fact]
    public void Every_bicep_file_is_part_of_the_deployment()
    {
        var sources = Directory.GetFiles(BicepDirectory, "*.bicep", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(BicepDirectory, f).Replace('\\', '/'), File.ReadAllText);

        foreach (var file in sources.Keys.Where(f => f != "main.bicep"))
        {
            var name = Path.GetFileName(file);
            Assert.True(
                sources.Any(s => s.Key != file && (s.Value.Contains($"'{file}'", StringComparison.Ordinal) || s.Value.Contains($"'{name}'", StringComparison.Ordinal))),
                $"{file} is not used by main.bicep or a module.");
        }
    }

    [Fact]
    public void Modules_are_local_files_and_api_versions_are_stable()
    {
        foreach (var file in Directory.GetFiles(BicepDirectory, "*.bicep", SearchOption.AllDirectories))
        {
            Assert.DoesNotMatch(RegistryModule(), File.ReadAllText(file));
        }

        Assert.All(build.Resources, r => Assert.DoesNotContain("preview", (string)r["apiVersion"]!, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@":\s*(Warning|Error)\s+[A-Za-z0-9-]+:")]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"module\s+\w+\s+'(br|ts)[/:]")]
    private static partial Regex RegistryModule();
}
