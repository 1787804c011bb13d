using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Reviews;
using Xunit.Abstractions;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// A measurement, not a test: the Analyse page on a 1M-event log (bench/Stepwise.Bench's seeded service-desk
/// generator, seed 42) and on the help-desk log, in headless Chromium: the time from the request to an interactive page
/// with its map drawn, and from a slider change to the redrawn map. It runs only when STEPWISE_MEASURE=1 (it takes
/// minutes and a gigabyte), asserts nothing about time, and writes its numbers and the machine's load to the test
/// output and to screenshots/map-times.csv, for docs/benchmarks.md.
/// </summary>
public sealed class MapPageMeasurement(Browser browser, ITestOutputHelper output) : IClassFixture<Browser>
{
    private const string Password = "lead password 2026";

    [SkippableFact]
    public async Task AnalysePage_OneMillionEventsAndHelpdesk_TimeToMapAndSliderRedraw()
    {
        Skip.If(Environment.GetEnvironmentVariable("STEPWISE_MEASURE") != "1", "a measurement: set STEPWISE_MEASURE=1 to run it");
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Improvement lead", Password = Password });
        var lead = bench.Accounts.CommandLineUser("lead");
        string csv = Path.Combine(app.Folder, "synthetic-1m.csv");
        var (events, cases) = Stepwise.Bench.SyntheticLog.WriteCsv(csv, 1_000_000, seed: 42);
        Note($"log: {events:N0} events, {cases:N0} cases (bench/Stepwise.Bench SyntheticLog, seed 42); load {Load()}");
        var big = bench.Reviews.Create(lead, new NewReview { Title = "Synthetic service desk, 1M events" }).Id;
        var clock = Stopwatch.StartNew();
        bench.Data.Import(lead, big, new ImportRequest { Path = csv });
        Note($"import through the layer: {clock.Elapsed.TotalSeconds:F1} s; load {Load()}");
        var small = bench.Reviews.Create(lead, new NewReview { Title = "Help desk" }).Id;
        bench.Data.Import(lead, small, new ImportRequest { Path = Path.Combine(Root(), "samples", "helpdesk.xes.gz") });

        await using var session = await UserSession.OpenAsync(browser.Chromium, app.Address);
        session.Page.SetDefaultTimeout(300_000);
        await session.SignInAsync("lead", Password);
        foreach (var (name, id, runs) in new[] { ("1M events", big, 3), ("help desk", small, 5) })
        {
            for (int run = 0; run < runs; run++)
            {
                // A fresh load each time: the server opens the stored log (cached after the first), draws the map, and
                // the page becomes interactive over its circuit.
                clock.Restart();
                await session.Page.GotoAsync($"/reviews/{id}/analyse");
                await session.ReadyAsync();
                await session.Page.Locator(".map-view svg").WaitForAsync();
                Record(name, "time to interactive with the map", clock.Elapsed);
            }

            foreach (var (slider, values) in new[] { ("#m-paths", new[] { "50", "80", "20", "100", "30" }), ("#m-activities", new[] { "80", "60", "100" }) })
            {
                foreach (string value in values)
                {
                    string before = (await session.Page.Locator(".map-view").GetAttributeAsync("data-drawn"))!;
                    clock.Restart();
                    await session.Page.Locator(slider).FillAsync(value);
                    await Assertions.Expect(session.Page.Locator(".map-view")).Not.ToHaveAttributeAsync("data-drawn", before, new() { Timeout = 300_000 });
                    Record(name, $"slider {slider[3..]} to {value}%", clock.Elapsed);
                }
            }

            foreach (string page in new[] { "", "/steps", "/data", "/scope", "/challenge", "/options", "/evaluation", "/decision", "/plan", "/monitor", "/history" })
            {
                clock.Restart();
                await session.Page.GotoAsync($"/reviews/{id}{page}");
                await session.ReadyAsync();
                Record(name, $"page {(page.Length == 0 ? "/overview" : page)}", clock.Elapsed);
                if (page == "/steps")
                {
                    // The scorecard is worked out in the background after the page is interactive: the time until its
                    // table shows, on the first visit and on a later one (kept per data source and scope version).
                    await session.Page.Locator("table.scorecard").WaitForAsync(new() { Timeout = 300_000 });
                    Record(name, "steps scorecard shown, first visit", clock.Elapsed);
                    clock.Restart();
                    await session.Page.GotoAsync($"/reviews/{id}/steps");
                    await session.ReadyAsync();
                    await session.Page.Locator("table.scorecard").WaitForAsync(new() { Timeout = 300_000 });
                    Record(name, "steps scorecard shown, later visit", clock.Elapsed);
                }
            }
        }

        Note($"load at the end {Load()}");
    }

    private void Record(string log, string what, TimeSpan elapsed)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"{log},{what},{elapsed.TotalMilliseconds:F0},{Load()}");
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(Browser.ScreenshotFolder, "map-times.csv"), line + "\n");
    }

    private void Note(string text)
    {
        output.WriteLine(text);
        File.AppendAllText(Path.Combine(Browser.ScreenshotFolder, "map-times.csv"), "# " + text + "\n");
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Stepwise.slnx) is not above the test output.");
    }
}
