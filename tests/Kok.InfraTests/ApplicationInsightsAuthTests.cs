using Azure.Identity;
using Kok.Functions.Telemetry;

namespace Kok.InfraTests;

/// <summary>
/// Application Insights can refuse the instrumentation key alone (a subscription policy may demand it): one parameter
/// turns local auth off, gives the app identity Monitoring Metrics Publisher and tells the host and the worker's
/// exporter to send with that identity's token.
/// </summary>
[Collection(BicepTemplateGroup.Name)]
public sealed class ApplicationInsightsAuthTests(BicepBuild build)
{
    [Fact]
    public void One_parameter_switches_telemetry_to_entra_id_and_it_is_off_by_default()
    {
        var parameter = build.Template["parameters"]!["applicationInsightsEntraAuth"]!;
        Assert.Equal("bool", (string?)parameter["type"]);
        Assert.False((bool)parameter["defaultValue"]!);

        var component = build.One("Microsoft.Insights/components")["properties"]!;
        Assert.Equal("[parameters('disableLocalAuth')]", (string?)component["DisableLocalAuth"]);
        Assert.Equal("[parameters('applicationInsightsEntraAuth')]", (string?)build.ModuleParameters("monitoring")["disableLocalAuth"]!["value"]);
        Assert.Equal("[parameters('applicationInsightsEntraAuth')]", (string?)build.ModuleParameters("role-assignments")["applicationInsightsEntraAuth"]!["value"]);
        Assert.Equal("[parameters('applicationInsightsEntraAuth')]", (string?)build.ModuleParameters("function-app")["applicationInsightsEntraAuth"]!["value"]);
    }

    [Fact]
    public void With_entra_id_the_host_and_exporter_authenticate_as_the_user_assigned_identity()
    {
        Assert.Equal(
            "[if(parameters('applicationInsightsEntraAuth'), format('Authorization=AAD;ClientId={0}', parameters('identityClientId')), '')]",
            build.AppSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);

        Assert.Null(ApplicationInsightsAuthentication.Credential(""));
        Assert.Null(ApplicationInsightsAuthentication.Credential(null));
        Assert.IsType<ManagedIdentityCredential>(
            ApplicationInsightsAuthentication.Credential("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001"));
        Assert.Throws<InvalidOperationException>(() => ApplicationInsightsAuthentication.Credential("InstrumentationKey=abc"));
    }
}
