using Kok.DevHost.Functions;
using Kok.Functions.Dashboard;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

using Kok.IntegrationTests.Dashboard;

namespace Kok.IntegrationTests.Browser;

/// <summary>What the dashboard's browser tests share: a DevHost with every dashboard route, and signing in.</summary>
internal static class DashboardBrowser
{
    /// <summary>DevHost with the dashboard's routes and <paramref name="functions"/> (the mail queues an action uses).</summary>
    public static Task<DevHostServer> StartAsync(string token, params string[] functions) =>
        DevHostServer.StartAsync(o =>
        {
            foreach (var function in FunctionCatalog.Discover([typeof(DashboardFunctions).Assembly])
                         .Where(f => f.HttpTrigger?.Route?.Contains("dashboard", StringComparison.Ordinal) == true))
            {
                o.OnlyFunctions.Add(function.Name);
            }

            // The dashboard's totals follow staff actions off the request's path (ADR 0006).
            foreach (var function in functions.Append(DashboardHost.RefreshFunction))
            {
                o.OnlyFunctions.Add(function);
            }

            o.Settings["Staff:DevToken"] = token;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });

    /// <summary>Signs in through DevHost's form (App Service Authentication's stand-in) and waits for the summary.</summary>
    public static async Task SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/dashboard");
        await page.WaitForURLAsync("**/dev/signin?returnUrl=%2Fdashboard");
        await page.GetByLabel("Dev-Token", new() { Exact = false }).FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden / Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        // The summary's first answer can take tens of seconds while other tests load the shared test process (seen:
        // 20.6 s); wait for it up to 90 s, a limit that costs nothing when the page is quick.
        await Expect(page.GetByTestId("status")).ToContainTextAsync("geladen", new() { Timeout = 90_000 });
    }
}
