using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>The accessibility check the page tests rely on can fail: it finds what it should on a page made bad on purpose.</summary>
public sealed class AccessibilityCheckTests(Browser browser) : IClassFixture<Browser>
{
    [SkippableFact]
    public async Task RunAxe_UnlabelledInputAndFaintText_BothReported()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        var page = await browser.Chromium.NewPageAsync();
        await page.SetContentAsync("<html lang=\"en\"><head><title>t</title></head><body><main><h1>Form</h1><input type=\"text\"><p style=\"color:#bbb;background:#fff\">faint</p></main></body></html>");

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });

        var rules = result.Violations.Select(v => v.Id).ToList();
        Assert.Contains("label", rules);
        Assert.Contains("color-contrast", rules);
        await page.CloseAsync();
    }
}
