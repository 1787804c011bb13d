using Microsoft.Playwright;

// The journeys run one at a time, each with its own app. With all of them at once on two cores, the Evaluation page's
// "Save the criteria" went unanswered for over 20 s in three fresh-clone runs in a row, while the same journey alone
// passed every time; the cause is not pinned down (several apps simulating and writing reports at once is suspected).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download). Without it the tests skip on a
/// developer's machine and fail when CI is set, so a missing browser never passes as green.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (test.sh installs it when missing).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>The browser.</summary>
    public IBrowser Chromium { get; private set; } = default!;

    /// <summary>Where screenshots go: a folder under the test output.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Whether the browser is there; when not, the reason.</summary>
    public static string? Missing => File.Exists(ChromiumPath) ? null : $"{ChromiumPath} is not installed (apt-get install chromium; test.sh does this).";

    public async Task InitializeAsync()
    {
        if (Missing is { } reason)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException("CI is set and the end-to-end tests cannot run: " + reason);
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Chromium.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
