using System.Text.Json.Nodes;

namespace Kok.InfraTests;

/// <summary>
/// Receipts are kept 8 years after the end of the year they were issued in, then deleted with their versions; old
/// deployment packages go after 30 days. Lifecycle rules count days since creation, so the retention in days must
/// cover the longest case, a receipt issued on 1 January.
/// </summary>
[Collection(BicepTemplateGroup.Name)]
public sealed class ReceiptRetentionTests(BicepBuild build)
{
    private const int YearsAfterTheYearOfIssue = 8;

    [Fact]
    public void Receipts_and_their_versions_are_deleted_after_the_retention_and_never_before()
    {
        var rule = Rule("receipts-after-retention");
        Assert.Equal(["[format('{0}/', parameters('receiptsContainerName'))]"], Strings(rule["filters"]!["prefixMatch"]!));
        Assert.Equal("[parameters('receiptRetentionDays')]", (string?)rule["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]);
        Assert.Equal("[parameters('receiptRetentionDays')]", (string?)rule["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]);
        Assert.Equal("[parameters('receiptRetentionDays')]", (string?)build.ModuleParameters("storage")["receiptRetentionDays"]!["value"]);

        // The shortest retention the template accepts still reaches the end of the eighth year after any issue date.
        var parameter = build.Template["parameters"]!["receiptRetentionDays"]!;
        var longestNeeded = Enumerable.Range(2024, 40)
            .Select(year => new DateOnly(year + YearsAfterTheYearOfIssue, 12, 31).DayNumber - new DateOnly(year, 1, 1).DayNumber)
            .Max();
        Assert.True((int)parameter["minValue"]! >= longestNeeded, $"receiptRetentionDays may go below {longestNeeded} days.");
        Assert.True((int)parameter["defaultValue"]! >= (int)parameter["minValue"]!);
        Assert.Equal((int)parameter["minValue"]!, (int)build.ModuleTemplate("storage")["parameters"]!["receiptRetentionDays"]!["minValue"]!);
    }

    [Fact]
    public void Old_versions_of_the_deployment_package_are_deleted_after_30_days()
    {
        var rule = Rule("old-deployment-packages");

        Assert.Equal(["[format('{0}/', parameters('deploymentContainerName'))]"], Strings(rule["filters"]!["prefixMatch"]!));
        Assert.Equal("[parameters('deploymentVersionDays')]", (string?)rule["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]);
        Assert.Null(rule["actions"]!["baseBlob"]);
        Assert.Equal(30, (int)build.ModuleParameters("storage")["deploymentVersionDays"]!["value"]!);
    }

    private JsonObject Rule(string name)
    {
        var policy = build.One("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!;
        var rule = policy["rules"]!.AsArray().Single(r => (string?)r!["name"] == name)!;
        Assert.True((bool)rule["enabled"]!);
        Assert.Equal(["blockBlob"], Strings(rule["definition"]!["filters"]!["blobTypes"]!));
        return rule["definition"]!.AsObject();
    }

    private static string[] Strings(JsonNode array) => [.. array.AsArray().Select(v => (string)v!)];
}
