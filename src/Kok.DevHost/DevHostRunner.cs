using Kok.Functions.Health;
using Kok.Functions.Storage;

namespace Kok.DevHost;

/// <summary>
/// DevHost's entry: builds the app, makes sure storage answers, then serves. Without storage nothing in the app
/// works, so it stops at once with one line on stderr that says what to do, and exit code 1, instead of a stack trace.
/// </summary>
public static class DevHostRunner
{
    public const int StorageUnavailableExitCode = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var app = DevHostApp.Create(args, configure);
        if (await DescribeStorageProblemAsync(app.Services) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return StorageUnavailableExitCode;
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>One line saying why storage cannot be used and what to do; null when it answers.</summary>
    internal static async Task<string?> DescribeStorageProblemAsync(IServiceProvider services)
    {
        const string whatToDo = "Start Azurite (npm run azurite in the repository) or set AzureWebJobsStorage to a reachable storage account.";
        StorageClients clients;
        StorageHealthCheck check;
        try
        {
            clients = services.GetRequiredService<StorageClients>();
            check = services.GetRequiredService<StorageHealthCheck>();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return $"DevHost: AzureWebJobsStorage is not usable ({ex.Message}). {whatToDo}";
        }

        if (await check.IsReachableAsync(CancellationToken.None))
        {
            return null;
        }

        // Only the endpoint, never the query: a SAS token would be a secret.
        var endpoint = clients.Tables.Uri.GetLeftPart(UriPartial.Path);
        return $"DevHost: storage at {endpoint} (AzureWebJobsStorage) does not answer. {whatToDo}";
    }
}
