namespace Kok.InfraTests;

/// <summary>
/// What the Flex Consumption plan does not take, in one place: the table "Flex Consumption plan deprecations" of
/// Azure Functions' app settings reference (learn.microsoft.com/azure/azure-functions/functions-app-settings
/// #flex-consumption-plan-deprecations), whose introduction reads "these site properties and application settings are
/// deprecated and shouldn't be used when creating function app resources". Newer regions reject a site that sets one
/// of the site properties (error 51021), so the template sets none of them. Each entry keeps the table's reason.
/// </summary>
internal static class FlexConsumptionDeprecations
{
    public static IReadOnlyDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ENABLE_ORYX_BUILD"] = "Replaced by the remoteBuild parameter when deploying in Flex Consumption",
        ["FUNCTIONS_EXTENSION_VERSION"] = "App Setting is set by the backend. A value of ~1 can be ignored.",
        ["FUNCTIONS_WORKER_RUNTIME"] = "Replaced by name in properties.functionAppConfig.runtime",
        ["FUNCTIONS_WORKER_RUNTIME_VERSION"] = "Replaced by version in properties.functionAppConfig.runtime",
        ["FUNCTIONS_MAX_HTTP_CONCURRENCY"] = "Replaced by scale and concurrency's trigger section",
        ["FUNCTIONS_WORKER_PROCESS_COUNT"] = "Setting not valid",
        ["FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED"] = "Setting not valid",
        ["SCM_DO_BUILD_DURING_DEPLOYMENT"] = "Replaced by the remoteBuild parameter when deploying in Flex Consumption",
        ["WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"] = "Replaced by functionAppConfig's deployment section",
        ["WEBSITE_CONTENTOVERVNET"] = "Not used for networking in Flex Consumption",
        ["WEBSITE_CONTENTSHARE"] = "Replaced by functionAppConfig's deployment section",
        ["WEBSITE_DNS_SERVER"] = "DNS is inherited from the integrated virtual network in Flex",
        ["WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT"] = "Replaced by maximumInstanceCount in properties.functionAppConfig.scaleAndConcurrency",
        ["WEBSITE_NODE_DEFAULT_VERSION"] = "Replaced by version in properties.functionAppConfig.runtime",
        ["WEBSITE_RUN_FROM_PACKAGE"] = "Not used for deployments in Flex Consumption",
        ["WEBSITE_SKIP_CONTENTSHARE_VALIDATION"] = "Content share isn't used in Flex Consumption",
        ["WEBSITE_VNET_ROUTE_ALL"] = "Not used for networking in Flex Consumption",

        // Not in the table, but placeholders belong to the Consumption plans Flex replaces.
        ["WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED"] = "Cold-start placeholders of the older plans; Flex has its own",
    };

    /// <summary>
    /// Site properties, by the name in the table ("properties.ftpsState"); the template may set each either on the
    /// site's properties or in its siteConfig, so both are checked.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SiteProperties { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["alwaysOn"] = "Not valid",
        ["containerSize"] = "Renamed as instanceMemoryMB",
        ["dnsConfiguration"] = "Custom DNS servers configured in the Azure Virtual Network are automatically used",
        ["ftpsState"] = "FTPS not supported",
        ["isReserved"] = "Not valid",
        ["IsXenon"] = "Not valid",
        ["javaVersion"] = "Replaced by version in properties.functionAppConfig.runtime",
        ["LinuxFxVersion"] = "Replaced by properties.functionAppConfig.runtime",
        ["netFrameworkVersion"] = "Replaced by version in properties.functionAppConfig.runtime",
        ["powerShellVersion"] = "Replaced by version in properties.functionAppConfig.runtime",
        ["functionAppScaleLimit"] = "Renamed as maximumInstanceCount",
        ["preWarmedInstanceCount"] = "Renamed as alwaysReadyInstances",
        ["use32BitWorkerProcess"] = "32-bit not supported",
        ["vnetBackupRestoreEnabled"] = "Not used for networking in Flex Consumption",
        ["vnetContentShareEnabled"] = "Not used for networking in Flex Consumption",
        ["vnetImagePullEnabled"] = "Not used for networking in Flex Consumption",
        ["vnetRouteAllEnabled"] = "Not used for networking in Flex Consumption",
        ["windowsFxVersion"] = "Not valid",
    };
}
