using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kok.InfraTests;

/// <summary>What `azd up` reads: azure.yaml, main.parameters.json, and the host.json the app is published with.</summary>
[Collection(BicepTemplateGroup.Name)]
public sealed partial class AzdTests(BicepBuild build)
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_service_api_with_the_bicep()
    {
        var lines = File.ReadAllLines(InfraPaths.InRepository("azure.yaml")).Select(l => l.TrimEnd()).ToArray();

        string[] expected =
        [
            "infra:", "  provider: bicep", "  path: infra/bicep",
            "services:", "  api:", "    project: src/Kok.Functions", "    language: dotnet", "    host: function",
        ];
        Assert.All(expected, line => Assert.Contains(line, lines));
        Assert.True(File.Exists(InfraPaths.InRepository("src/Kok.Functions/Kok.Functions.csproj")));
        Assert.True(File.Exists(InfraPaths.InRepository("infra/bicep/main.bicep")));
    }

    [Fact]
    public void Parameters_file_names_template_parameters_and_takes_secrets_only_from_the_environment()
    {
        var file = JsonNode.Parse(File.ReadAllText(InfraPaths.InRepository("infra/bicep/main.parameters.json")))!["parameters"]!.AsObject();
        var parameters = build.Template["parameters"]!.AsObject();

        foreach (var (name, value) in file)
        {
            Assert.True(parameters.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare.");
            if ((string?)parameters[name]!["type"] == "securestring")
            {
                Assert.Matches(EnvironmentReference(), (string?)value!["value"]);
            }
        }

        Assert.Equal("${AZURE_ENV_NAME}", (string?)file["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)file["location"]!["value"]);
    }

    [Fact]
    public void Every_template_parameter_is_described_for_the_azd_prompt()
    {
        foreach (var (name, parameter) in build.Template["parameters"]!.AsObject())
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)parameter!["metadata"]?["description"]), $"{name} has no @description.");
        }
    }

    [Fact]
    public void Host_json_sends_telemetry_through_open_telemetry()
    {
        var host = JsonNode.Parse(File.ReadAllText(InfraPaths.InRepository("host.json")))!;

        Assert.Equal("OpenTelemetry", (string?)host["telemetryMode"]);
    }

    [GeneratedRegex(@"^\$\{[A-Z_]+\}$")]
    private static partial Regex EnvironmentReference();
}
