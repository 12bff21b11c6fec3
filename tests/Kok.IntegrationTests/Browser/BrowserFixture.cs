using Microsoft.Playwright;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright through <c>ExecutablePath</c>; Playwright's own browser download
/// is never used (no internet here). The flags keep Chromium from reaching for Google services it cannot reach.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("KOK_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public static string OutputDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("KOK_TEST_OUTPUT") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "test-output");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
