using System.Text.Json.Nodes;

namespace Kok.InfraTests;

/// <summary>
/// App Service Authentication: staff sign in with Entra ID, everybody else stays anonymous, and the app enforces the
/// staff role itself from X-MS-CLIENT-PRINCIPAL.
/// </summary>
[Collection(BicepTemplateGroup.Name)]
public sealed class AuthenticationTests(BicepBuild build)
{
    [Fact]
    public void Platform_signs_staff_in_with_entra_id_and_lets_anonymous_requests_through()
    {
        var auth = build.One("Microsoft.Web/sites/config", "'authsettingsV2'")["properties"]!;

        Assert.True((bool)auth["platform"]!["enabled"]!);
        var global = auth["globalValidation"]!;
        Assert.False((bool)global["requireAuthentication"]!);
        Assert.Equal("AllowAnonymous", (string?)global["unauthenticatedClientAction"]);

        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool)entra["enabled"]!);
        Assert.Equal("[parameters('staffAuthClientId')]", (string?)entra["registration"]!["clientId"]);
        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, tenant().tenantId)]",
            (string?)entra["registration"]!["openIdIssuer"]);
        Assert.Null(entra["registration"]!["clientSecretSettingName"]);
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);
    }

    [Fact]
    public void App_trusts_the_platform_principal_and_requires_the_staff_role()
    {
        var settings = build.AppSettings;

        Assert.Equal("true", settings["Auth__TrustAppServicePrincipal"]);
        Assert.Equal("[parameters('staffRole')]", settings["Auth__StaffRole"]);
        Assert.Equal("[parameters('staffRole')]", (string?)build.ModuleParameters("function-app")["staffRole"]!["value"]);
        Assert.Equal("staff", (string?)build.Template["parameters"]!["staffRole"]!["defaultValue"]);
    }

    [Fact]
    public void The_local_stand_in_for_sign_in_is_never_set_in_azure()
    {
        Assert.DoesNotContain(build.AppSettings.Keys, k => k.StartsWith("Staff__", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_app_role_file_for_the_registration_defines_the_staff_role()
    {
        var roles = JsonNode.Parse(File.ReadAllText(InfraPaths.InRepository("infra/bicep/staff-app-roles.json")))!.AsArray();

        var role = Assert.Single(roles)!;
        Assert.Equal((string?)build.Template["parameters"]!["staffRole"]!["defaultValue"], (string?)role["value"]);
        Assert.Equal(["User"], role["allowedMemberTypes"]!.AsArray().Select(t => (string?)t));
        Assert.True((bool)role["isEnabled"]!);
    }

    [Fact]
    public void The_staff_app_registration_is_a_required_parameter()
    {
        var parameter = build.Template["parameters"]!["staffAuthClientId"]!;

        Assert.Null(parameter["defaultValue"]);
        Assert.Equal(36, (int)parameter["minLength"]!);
        Assert.Equal("[parameters('staffAuthClientId')]", (string?)build.ModuleParameters("function-app")["staffAuthClientId"]!["value"]);
    }
}
