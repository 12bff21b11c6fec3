namespace Kok.IntegrationTests.Browser;

public class BrowserSmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Debian_chromium_renders_a_page()
    {
        var page = await browser.Browser.NewPageAsync();

        await page.SetContentAsync("<h1>KOK</h1>");

        Assert.Equal("KOK", await page.InnerTextAsync("h1"));
    }
}
