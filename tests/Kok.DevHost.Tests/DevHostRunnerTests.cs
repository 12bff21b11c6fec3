using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Tests;

public class DevHostRunnerTests
{
    [Fact]
    public async Task Without_storage_DevHost_exits_with_one_line_saying_what_to_do()
    {
        var storage = TestDevHost.UnreachableStorage();
        using var error = new StringWriter();

        var exitCode = await DevHostRunner.RunAsync(["--urls", "http://127.0.0.1:0"], error, builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage }));

        Assert.Equal(DevHostRunner.StorageUnavailableExitCode, exitCode);
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("DevHost: storage at http://127.0.0.1:", line, StringComparison.Ordinal);
        Assert.Contains("Start Azurite", line, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", line, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_reported_in_one_line_too()
    {
        using var error = new StringWriter();

        var exitCode = await DevHostRunner.RunAsync(["--urls", "http://127.0.0.1:0"], error, builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "not a connection string" }));

        Assert.Equal(DevHostRunner.StorageUnavailableExitCode, exitCode);
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("DevHost: AzureWebJobsStorage is not usable", line, StringComparison.Ordinal);
    }
}
