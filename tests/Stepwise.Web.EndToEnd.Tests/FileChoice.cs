using Microsoft.Playwright;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// Chooses files as a user does: only once the page's file input can take them. A page turns interactive a moment
/// before the browser attaches an input's change handler, and a file given in that moment is dropped without a word
/// (the page never hears of it); the input marks itself <c>data-ready</c> once the handler is there.
/// </summary>
public static class FileChoice
{
    /// <summary>Chooses the file at <paramref name="path"/> in the file input <paramref name="selector"/>.</summary>
    public static async Task ChooseFileAsync(this IPage page, string selector, string path)
    {
        await ReadyAsync(page, selector);
        await page.SetInputFilesAsync(selector, path);
    }

    /// <summary>Chooses <paramref name="file"/>, made in the test, in the file input <paramref name="selector"/>.</summary>
    public static async Task ChooseFileAsync(this IPage page, string selector, FilePayload file)
    {
        await ReadyAsync(page, selector);
        await page.SetInputFilesAsync(selector, file);
    }

    private static Task ReadyAsync(IPage page, string selector) =>
        page.Locator(selector + "[data-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
