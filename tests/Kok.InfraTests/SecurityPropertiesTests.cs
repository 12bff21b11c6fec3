using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kok.InfraTests;

/// <summary>The security properties of the compiled ARM template (infra/bicep).</summary>
[Collection(BicepTemplateGroup.Name)]
public sealed partial class SecurityPropertiesTests(BicepBuild build)
{
    [Fact]
    public void Storage_account_accepts_only_entra_id_over_https_with_tls_1_2()
    {
        var properties = build.One("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public void Receipts_keep_every_version_and_can_be_made_immutable()
    {
        var blobService = build.One("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True((bool)blobService["isVersioningEnabled"]!);
        Assert.True((bool)blobService["deleteRetentionPolicy"]!["enabled"]!);

        Assert.Equal("receipts", (string?)build.ModuleParameters("storage")["receiptsContainerName"]!["value"]);
        var receipts = build.One("Microsoft.Storage/storageAccounts/blobServices/containers", "parameters('receiptsContainerName')");
        Assert.True((bool)receipts["properties"]!["immutableStorageWithVersioning"]!["enabled"]!);
        Assert.Equal("None", (string?)receipts["properties"]!["publicAccess"]);
    }

    [Fact]
    public void Function_app_runs_on_flex_consumption_linux_dotnet_isolated_10()
    {
        var plan = build.One("Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);

        var site = build.One("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Contains("createObject('azd-service-name', 'api')", (string?)site["tags"], StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_and_no_ftp_or_basic_publishing()
    {
        var properties = build.One("Microsoft.Web/sites")["properties"]!;
        Assert.True((bool)properties["httpsOnly"]!);
        var siteConfig = properties["siteConfig"]!;
        Assert.Equal("1.2", (string?)siteConfig["minTlsVersion"]);
        Assert.Equal("1.2", (string?)siteConfig["scmMinTlsVersion"]);

        var policies = build.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToArray();
        Assert.Equal(["'ftp'", "'scm'"], policies.Select(p => PolicyName().Match((string)p["name"]!).Value).Order());
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Function_app_acts_only_as_its_user_assigned_identity()
    {
        var site = build.One("Microsoft.Web/sites");
        var identity = site["identity"]!;
        Assert.Equal("UserAssigned", (string?)identity["type"]);
        Assert.Equal("[format('{0}', parameters('identityId'))]", Assert.Single(identity["userAssignedIdentities"]!.AsObject()).Key);
        const string identityId = "[parameters('identityId')]";

        var properties = site["properties"]!;
        Assert.Equal(identityId, (string?)properties["keyVaultReferenceIdentity"]);
        var deployment = properties["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("UserAssignedIdentity", (string?)deployment["type"]);
        Assert.Equal(identityId, (string?)deployment["userAssignedIdentityResourceId"]);
        Assert.Equal("[reference('identity').outputs.id.value]", (string?)build.ModuleParameters("function-app")["identityId"]!["value"]);
    }

    [Fact]
    public void Key_vault_uses_rbac_with_purge_protection()
    {
        var properties = build.One("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enablePurgeProtection"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
        Assert.Null(properties["accessPolicies"]);
    }

    [Fact]
    public void Template_never_reads_storage_keys_or_makes_sas_tokens()
    {
        var text = build.Template.ToJsonString();

        Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listServiceSas(", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void App_settings_hold_no_storage_key_or_storage_connection_string()
    {
        var settings = build.AppSettings;

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("AzureWebJobsDashboard", settings.Keys);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", settings.Keys);
        foreach (var (name, value) in settings)
        {
            foreach (var marker in new[] { "AccountKey", "SharedAccessSignature", "DefaultEndpointsProtocol", "UseDevelopmentStorage", "sig=" })
            {
                Assert.False(value.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{name} looks like a key or connection string.");
            }
        }

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Equal($"[parameters('{service}Endpoint')]", settings[$"AzureWebJobsStorage__{service}ServiceUri"]);
        }
    }

    [Fact]
    public void Every_secret_is_a_key_vault_reference_to_a_secret_the_vault_holds()
    {
        var referenced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in build.AppSettings.Where(s => SecretName().IsMatch(s.Key)))
        {
            var reference = KeyVaultReference().Match(value);
            Assert.True(reference.Success, $"{name} must be a Key Vault reference, not {value}.");
            referenced[name] = reference.Groups["secret"].Value;
        }

        var stored = build.ModuleParameters("keyvault")["secrets"]!["value"]!.AsObject();
        Assert.Equal(stored.Select(s => s.Key).Order(), referenced.Values.Order());
        Assert.Equal(["Links__SigningSecret", "SendGrid__ApiKey", "Stripe__SecretKey", "Stripe__WebhookSecret"], referenced.Keys.Order());

        // The values come from secure parameters only: never a literal in the template or the parameters file.
        var parameters = build.Template["parameters"]!.AsObject();
        foreach (var (_, value) in stored)
        {
            var parameter = ParameterReference().Match((string)value!).Groups["name"].Value;
            Assert.Equal("securestring", (string?)parameters[parameter]!["type"]);
        }
    }

    [Fact]
    public void App_settings_contain_nothing_flex_consumption_rejects()
    {
        var deprecated = build.AppSettings.Keys.Where(FlexConsumptionDeprecations.AppSettings.ContainsKey)
            .Select(k => $"{k} ({FlexConsumptionDeprecations.AppSettings[k]})");

        Assert.Empty(deprecated);
    }

    [Fact]
    public void Function_app_sets_no_site_property_flex_consumption_rejects()
    {
        // FTP is off by the plan itself (and basic publishing by the policies above); setting ftpsState fails with 51021.
        var properties = build.One("Microsoft.Web/sites")["properties"]!.AsObject();
        var siteConfig = properties["siteConfig"]?.AsObject() ?? [];

        var set = properties.Concat(siteConfig).Select(p => p.Key)
            .Where(FlexConsumptionDeprecations.SiteProperties.ContainsKey)
            .Select(k => $"{k} ({FlexConsumptionDeprecations.SiteProperties[k]})");
        Assert.Empty(set);
        Assert.NotNull(properties["functionAppConfig"]);
    }

    [Fact]
    public void Instances_get_2048_or_4096_mb_the_sizes_every_flex_region_offers()
    {
        Assert.Equal([2048, 4096], build.Template["parameters"]!["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(2048, (int)build.Template["parameters"]!["instanceMemoryMB"]!["defaultValue"]!);
        var module = build.ModuleTemplate("function-app")["parameters"]!["instanceMemoryMB"]!;
        Assert.Equal([2048, 4096], module["allowedValues"]!.AsArray().Select(v => (int)v!));
    }

    [Fact]
    public void Cors_allows_only_the_configured_website_origins()
    {
        var cors = build.One("Microsoft.Web/sites")["properties"]!["siteConfig"]!["cors"]!;
        Assert.Equal("[parameters('website').origins]", (string?)cors["allowedOrigins"]);
        Assert.False((bool)cors["supportCredentials"]!);

        Assert.Equal("[join(parameters('website').origins, ',')]", build.AppSettings["Website__Origins"]);
        var origins = (string?)build.ModuleParameters("function-app")["website"]!["value"]!["origins"];
        Assert.Contains("split(parameters('websiteOrigins'), ',')", origins, StringComparison.Ordinal);
        Assert.Null(build.Template["parameters"]!["websiteOrigins"]!["defaultValue"]);
    }

    [Fact]
    public void Outputs_give_the_webhook_url_to_register_at_stripe()
    {
        var outputs = build.Template["outputs"]!;

        Assert.Equal("[format('https://{0}/api/stripe/webhook', reference('functionApp').outputs.hostName.value)]",
            (string?)outputs["STRIPE_WEBHOOK_URL"]!["value"]);
        Assert.Equal("[format('https://{0}/.auth/login/aad/callback', reference('functionApp').outputs.hostName.value)]",
            (string?)outputs["STAFF_LOGIN_REDIRECT_URI"]!["value"]);
    }

    [Fact]
    public void Poison_queues_raise_an_alert_by_mail()
    {
        var defaults = build.Template["parameters"]!["poisonQueues"]!["defaultValue"]!.AsArray().Select(q => (string)q!);
        Assert.Equal(["annual-receipts-poison", "dues-charge-poison", "member-mail-poison", "projections-poison", "receipt-mail-poison", "welcome-mail-poison"], defaults.Order());
        Assert.Equal("[parameters('poisonQueues')]", (string?)build.ModuleParameters("alerts")["poisonQueues"]!["value"]);

        var rule = build.One("Microsoft.Insights/scheduledQueryRules")["properties"]!;
        Assert.True((bool)rule["enabled"]!);
        var criterion = Assert.Single(rule["criteria"]!["allOf"]!.AsArray())!;
        Assert.Equal("[replace(variables('query'), 'QUEUES', string(parameters('poisonQueues')))]", (string?)criterion["query"]);
        var query = (string?)build.ModuleTemplate("alerts")["variables"]!["query"];
        Assert.Contains("| where Message has \"Moving message to queue\"", query, StringComparison.Ordinal);
        Assert.Contains("| where Queue in (dynamic(QUEUES))", query, StringComparison.Ordinal);
        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal(0, (int)criterion["threshold"]!);

        // The workspace is new on the first `azd up`: its AppTraces table exists only once the app has logged.
        Assert.True((bool)rule["skipQueryValidation"]!);
        Assert.Equal("2023-12-01", (string?)build.One("Microsoft.Insights/scheduledQueryRules")["apiVersion"]);

        var receiver = Assert.Single(build.One("Microsoft.Insights/actionGroups")["properties"]!["emailReceivers"]!.AsArray())!;
        Assert.Equal("[parameters('alertEmail')]", (string?)receiver["emailAddress"]);
    }

    [GeneratedRegex("(Secret|ApiKey|Password|Token)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\[format\('@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=(?<secret>[a-z0-9-]+)\)', parameters\('keyVaultName'\)\)\]$")]
    private static partial Regex KeyVaultReference();

    [GeneratedRegex(@"^\[parameters\('(?<name>\w+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex("'(ftp|scm)'")]
    private static partial Regex PolicyName();
}
