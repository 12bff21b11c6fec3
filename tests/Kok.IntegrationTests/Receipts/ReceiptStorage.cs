using Azure.Core.Pipeline;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// Storage for the receipt tests: the <c>AzureWebJobsStorage</c> environment variable (test.sh points it at its
/// Azurite), else Azurite on its default ports. Test classes run in parallel on the same tables, so each test takes
/// a receipt year of its own (<see cref="UnusedYearAsync"/>) and fresh donation ids.
/// </summary>
internal static class ReceiptStorage
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    public static StorageClients Clients(params HttpPipelinePolicy[] policies) =>
        new(new StorageSettings(ConnectionString, null, null, null, null), policies);

    /// <summary>A far-future year nobody has issued receipts in yet.</summary>
    public static async Task<int> UnusedYearAsync()
    {
        var register = new TableReceiptRegister(Clients(), TimeProvider.System);
        while (true)
        {
            var year = Random.Shared.Next(2100, 9900);
            if ((await register.ListAsync(year, CancellationToken.None)).Count == 0)
            {
                return year;
            }
        }
    }
}
