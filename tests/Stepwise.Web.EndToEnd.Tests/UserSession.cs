using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>One person in their own browser context: signs in, goes to pages, waits until they are interactive, and
/// saves a screenshot of each page it is asked to.</summary>
public sealed class UserSession(IBrowserContext context, IPage page, Uri address) : IAsyncDisposable
{
    /// <summary>The page.</summary>
    public IPage Page { get; } = page;

    /// <summary>Opens a context with a laptop-sized window.</summary>
    public static async Task<UserSession> OpenAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BaseURL = address.ToString() });

        // A CI machine runs other test projects beside these: a page may take far longer than on a quiet machine.
        // These are limits for a step that never happens, not measurements (page times go to page-times.csv).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return new UserSession(context, await context.NewPageAsync(), address);
    }

    /// <summary>Signs in with a password and waits for the first page.</summary>
    public async Task SignInAsync(string name, string password)
    {
        await Page.GotoAsync("/signin");
        await Page.FillAsync("#name", name);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
        await ArrivedAsync(url => !url.Contains("/signin", StringComparison.Ordinal), "away from the sign-in page");
        await ReadyAsync();
    }

    /// <summary>
    /// Waits until the address matches (the new page need not have finished loading: <see cref="ReadyAsync"/> waits
    /// for what the test needs). When it never does, the failure says where the page stayed and what it showed, and a
    /// screenshot is saved as FAILED-*.png.
    /// </summary>
    public async Task ArrivedAsync(Func<string, bool> where, string what)
    {
        // Polls the address the browser reports rather than Playwright's WaitForURL with WaitUntil = Commit: when
        // the address already matches as the wait starts (the click's navigation finished first, as Blazor's
        // enhanced navigation often does), that call waits for a "commit" load state that a page already loaded
        // never reports again, and so times out on a page that arrived.
        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(ArrivalLimit.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (!where(Page.Url))
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() > deadline)
            {
                await FailArrivalAsync(what);
            }

            await Task.Delay(50);
        }
    }

    /// <summary>How long a page may take to arrive before <see cref="ArrivedAsync(Func{string, bool}, string)"/> fails.</summary>
    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(90);

    private async Task FailArrivalAsync(string what)
    {
        string shown = "";
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, $"FAILED-{DateTime.UtcNow:HHmmss}.png"), FullPage = true });
            shown = string.Join(" | ", await Page.Locator(".alert, #blazor-error-ui[style*=block], h1").AllInnerTextsAsync());
        }
        catch (PlaywrightException)
        {
            // The page may be gone; the address is still worth reporting.
        }

        throw new TimeoutException($"The page never went {what} within {ArrivalLimit.TotalSeconds:F0} s: it stayed at {Page.Url}, showing: {shown}");
    }

    /// <summary>Waits until the address matches a glob pattern such as <c>**/quality/*</c>.</summary>
    public Task ArrivedAsync(string glob, string what)
    {
        var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/?]*") + "$");
        return ArrivedAsync(pattern.IsMatch, what);
    }

    /// <summary>Signs out with the form in the page header.</summary>
    public async Task SignOutAsync()
    {
        await Page.ClickAsync("text=Sign out");
        await ArrivedAsync(url => url.Contains("/signin", StringComparison.Ordinal), "to the sign-in page");
    }

    /// <summary>
    /// Opens a page of the app and waits until its buttons work. The time from the request to an interactive page is
    /// appended to screenshots/page-times.csv, a measurement for docs/benchmarks.md (never asserted: tests do not time).
    /// </summary>
    public async Task GoAsync(string path)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        await Page.GotoAsync(path);
        await ReadyAsync();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        lock (TimesLock)
        {
            File.AppendAllText(Path.Combine(Browser.ScreenshotFolder, "page-times.csv"), FormattableString.Invariant($"{Shape(path)},{elapsed.TotalMilliseconds:F0}\n"));
        }
    }

    private static readonly object TimesLock = new();

    // Review ids vary from run to run; the page is what is measured.
    private static string Shape(string path) => System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");

    /// <summary>Waits until the page runs interactively over its circuit.</summary>
    public async Task ReadyAsync() => await Page.WaitForSelectorAsync("[data-interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    /// <summary>What axe-core found against WCAG 2.2 A and AA on the pages shot so far, one line per rule and page.</summary>
    public List<string> Violations { get; } = [];

    /// <summary>
    /// Saves a full-page screenshot under the test output, and checks the page with axe-core (the WCAG 2.0, 2.1 and
    /// 2.2 A and AA rules: contrast, labels, names, landmarks, ARIA).
    /// </summary>
    public async Task ShotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, name + ".png"), FullPage = true });
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        foreach (var violation in result.Violations)
        {
            Violations.Add($"{name}: {violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        }
    }

    /// <summary>The text of the page's alert (problem or notice) after an action.</summary>
    public async Task<string> AlertAsync() => await Page.Locator(".alert").First.InnerTextAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    /// <summary>The app's address.</summary>
    public Uri Address => address;
}
