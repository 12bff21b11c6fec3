namespace Kok.IntegrationTests.Infrastructure;

/// <summary>
/// An Azurite of a test class's own (<c>IClassFixture&lt;PrivateAzurite&gt;</c>), for tests that must see no other
/// test's work: the app's queues have fixed names, and every DevHost of the run polls them on the shared storage.
/// </summary>
public sealed class PrivateAzurite : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public string ConnectionString => (azurite ?? throw new InvalidOperationException("Azurite has not started.")).ConnectionString;

    public async Task InitializeAsync() => azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
