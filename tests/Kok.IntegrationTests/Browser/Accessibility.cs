using System.Text.Json;
using Microsoft.Playwright;

namespace Kok.IntegrationTests.Browser;

/// <summary>
/// The automated accessibility check every page a person sees must pass: axe-core (npm, pinned in package.json)
/// injected into the page, WCAG 2.1 A and AA rules plus axe's best practices, and, on a narrow viewport, no
/// horizontal scrolling. Contexts that use it are created with <see cref="ContextOptions"/>, because the pages'
/// Content-Security-Policy would otherwise refuse the injected script.
/// <code>
/// await using var context = await browser.NewContextAsync(Accessibility.ContextOptions(server.BaseAddress, 390, "de-DE"));
/// await page.GotoAsync("/");
/// await Accessibility.AssertAccessibleAsync(page, "donation form, 390 px, de");
/// </code>
/// </summary>
public static class Accessibility
{
    /// <summary>The two widths every page is checked at: a desktop and a phone.</summary>
    public static readonly int[] Widths = [1280, 390];

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(AxePath()));

    public static BrowserNewContextOptions ContextOptions(Uri baseAddress, int width, string locale) => new()
    {
        BaseURL = baseAddress.ToString(),
        Locale = locale,
        ViewportSize = new ViewportSize { Width = width, Height = 900 },
        BypassCSP = true,
    };

    /// <summary>Fails with every axe violation (rule, impact, the first elements) and any horizontal overflow.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>(await ViolationsAsync(page));
        if (await HorizontalOverflowAsync(page) is { } overflow)
        {
            problems.Add(overflow);
        }

        if (problems.Count > 0)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, $"a11y-{Slug(label)}.png"), FullPage = true });
        }

        Assert.True(problems.Count == 0, $"{label}:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>
    /// At each of <see cref="Widths"/> (900 px high): <see cref="AssertAccessibleAsync"/> and a full-page screenshot
    /// into the test output; the page is left at the first width.
    /// </summary>
    public static async Task AssertAccessibleAtEveryWidthAsync(IPage page, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            var full = $"{label}, {width} px";
            await AssertAccessibleAsync(page, full);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputDirectory, Slug(full) + ".png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(Widths[0], 900);
    }

    /// <summary>axe-core's violations on the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = AxeSource.Value });
        }

        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                resultTypes: ['violations'],
              });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
              })));
            }
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): "
                + $"{v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")
            .ToList();
    }

    /// <summary>Null when the page fits its viewport's width; else what is wider than it.</summary>
    public static async Task<string?> HorizontalOverflowAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1])
        {
            return null;
        }

        var culprits = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''))
            """);
        return $"page is {widths[0]} px wide in a {widths[1]} px viewport (too wide: {string.Join(", ", culprits)})";
    }

    private static string AxePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("axe-core is not installed: run npm ci in the repository root (./test.sh does).");
    }

    private static string Slug(string label) =>
        new(label.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
