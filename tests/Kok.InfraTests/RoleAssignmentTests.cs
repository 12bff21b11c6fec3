using System.Text.RegularExpressions;

namespace Kok.InfraTests;

[Collection(BicepTemplateGroup.Name)]
public sealed partial class RoleAssignmentTests(BicepBuild build)
{
    // Built-in role definition IDs and the resource type each must be scoped to.
    private static readonly Dictionary<string, string> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Microsoft.Storage/storageAccounts", // Storage Table Data Contributor
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Microsoft.Storage/storageAccounts", // Storage Queue Data Contributor
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Microsoft.Storage/storageAccounts", // Storage Blob Data Owner
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Microsoft.KeyVault/vaults", // Key Vault Secrets User
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Microsoft.Insights/components", // Monitoring Metrics Publisher, only with applicationInsightsEntraAuth
    };

    [Fact]
    public void App_identity_holds_exactly_the_listed_roles_on_the_listed_resources()
    {
        var assignments = build.OfType("Microsoft.Authorization/roleAssignments").ToArray();

        var actual = assignments.ToDictionary(
            a => RoleId().Match((string)a["properties"]!["roleDefinitionId"]!).Value,
            a => (string)a["scope"]!,
            StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Expected.Keys.Order(), actual.Keys.Order());
        foreach (var (role, scopeType) in Expected)
        {
            Assert.StartsWith($"[resourceId('{scopeType}', ", actual[role], StringComparison.Ordinal);
        }

        Assert.All(assignments, a =>
        {
            Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]);
            Assert.Equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2024-11-30').principalId]",
                (string?)a["properties"]!["principalId"]);
        });
    }

    [Fact]
    public void Only_the_metrics_publisher_role_depends_on_entra_id_telemetry()
    {
        var conditional = build.OfType("Microsoft.Authorization/roleAssignments").Where(a => a["condition"] is not null).ToArray();

        var publisher = Assert.Single(conditional);
        Assert.Equal("[parameters('applicationInsightsEntraAuth')]", (string?)publisher["condition"]);
        Assert.Contains("3913510d-42f4-4e42-8a64-420c390055eb", (string?)publisher["properties"]!["roleDefinitionId"], StringComparison.Ordinal);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RoleId();
}
