namespace Kok.IntegrationTests.Infrastructure;

/// <summary>
/// The storage integration tests run against: the <c>AzureWebJobsStorage</c> environment variable (test scripts
/// point it at their Azurite), else Azurite on its default ports.
/// </summary>
public static class TestStorage
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    public static string AzuriteConnectionString(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>Storage on a loopback port nobody listens on: requests fail at once with "connection refused".</summary>
    public static string UnreachableConnectionString()
    {
        var port = FreeTcpPort.Pick(1)[0];
        return AzuriteConnectionString(port, port, port);
    }

    /// <summary>A queue name of its own for one test (short enough for the "-poison" suffix).</summary>
    public static string UniqueQueueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 56)].ToLowerInvariant();
}
