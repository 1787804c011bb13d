using System.Globalization;
using Microsoft.Playwright;
using Stepwise.Mining.IO;
using Stepwise.Testing;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// The help-desk review (the real log from the shared data, set up through the use-case layer as far as Monitor, with
/// the plan going live on 1 June 2012) monitored from the Monitor page: the go-live date offered as the change date,
/// survey responses uploaded for satisfaction, the customer attribute for first-contact resolution, the run as a job
/// with progress, then the verdicts, the mix, a control chart and its table, conformance to the removed step and the
/// forecast against what happened; the review's overview shows the verdicts. The periods' case counts on the page are
/// checked against a count of the log made in this test. Screenshots go to the test output and to out/screenshots/.
/// </summary>
public sealed class MonitorJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private const string LeadPassword = "lead password 2026";
    private static readonly DateTimeOffset GoLive = new(2012, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task HelpdeskReview_MonitoredFromThePage_VerdictsChartsConformanceAndForecast()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        string log = SharedData.PathOf("eventlogs/helpdesk.xes.gz");
        Guid reviewId = Seed(bench, log);

        await using var lead = await UserSession.OpenAsync(browser.Chromium, app.Address);
        var page = lead.Page;
        page.SetDefaultTimeout(60_000);
        await lead.SignInAsync("lead", LeadPassword);

        // Not monitored yet; the plan's go-live is the change date offered.
        await lead.GoAsync($"/reviews/{reviewId}/monitor");
        await Assertions.Expect(page.Locator("#none-heading")).ToHaveTextAsync("Not monitored yet");
        Assert.Equal("2012-06-01", await page.InputValueAsync("#monitor-change"));
        await Assertions.Expect(page.Locator("#monitor-change-hint")).ToContainTextAsync("The implementation plan goes live on 1 June 2012");

        await page.FillAsync("#monitor-settling", "14d");
        await page.FillAsync("#monitor-mix", "service_type");
        await page.FillAsync("#monitor-customer", "customer");
        await page.ChooseFileAsync("#monitor-feedback", Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-feedback.csv"));
        await Assertions.Expect(page.Locator("#monitor-feedback-hint")).ToContainTextAsync("Chosen: helpdesk-feedback.csv");
        await page.ChooseFileAsync("#monitor-rates", Path.Combine(SharedData.RepositoryRoot, "samples", "helpdesk-rates.yaml"));
        await Assertions.Expect(page.Locator("#monitor-rates-hint")).ToContainTextAsync("Chosen: helpdesk-rates.yaml");
        await page.ClickAsync("#monitor-run");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("The change is monitored (version 1, kept in the review)", new() { Timeout = 300_000 });

        // The periods as counted here: cases ending with Closed (the scope) that start before the go-live, and from
        // 14 days after it.
        var (before, after) = CountPeriods(log);
        var facts = page.Locator("#periods-heading + dl");
        await Assertions.Expect(facts).ToContainTextAsync($"{before.ToString("N0", CultureInfo.InvariantCulture)} cases of helpdesk.xes.gz");
        await Assertions.Expect(facts).ToContainTextAsync($"{after.ToString("N0", CultureInfo.InvariantCulture)} cases of helpdesk.xes.gz");
        await Assertions.Expect(facts).ToContainTextAsync("helpdesk-feedback.csv");
        await Assertions.Expect(facts).ToContainTextAsync("no repeat contact by the customer ('customer')");

        var kpis = page.Locator("#monitor-kpis");
        await Assertions.Expect(kpis).ToContainTextAsync("Satisfaction (mean linked score)");
        await Assertions.Expect(kpis).ToContainTextAsync("First-contact resolution");
        await Assertions.Expect(kpis).ToContainTextAsync("Cost per case");
        await Assertions.Expect(kpis).ToContainTextAsync("Median resolution time");
        await Assertions.Expect(page.Locator("#mix-heading")).ToContainTextAsync("service_type");
        await Assertions.Expect(page.Locator("#monitor-conformance")).ToContainTextAsync("Wait");
        await Assertions.Expect(page.Locator("#monitor-forecast")).ToContainTextAsync("Cost per case (change)");
        await Assertions.Expect(page.Locator("figure.chart svg").First).ToBeVisibleAsync();
        await ShotAsync(lead, "60-monitor");

        var run = bench.Monitoring.Latest(bench.Accounts.CommandLineUser("lead"), reviewId)!.Value;
        Assert.Equal((before, after, GoLive), (run.Before.Cases, run.After.Cases, run.ChangeDate!.Value));
        Assert.Equal(("no_repeat_contact", "helpdesk-feedback.csv"), (run.Settings.FirstContact, run.Settings.Feedback));

        // One control chart at a time, chosen by KPI; every chart has its numbers one click away.
        Assert.Equal(run.Trends.Count, await page.Locator("#chart-choice option").CountAsync());
        await page.SelectOptionAsync("#chart-choice", new SelectOptionValue { Label = "Satisfaction (mean linked score)" });
        await Assertions.Expect(page.Locator("figure.chart .chart-title")).ToContainTextAsync("Satisfaction (mean linked score), per week");
        var chart = page.Locator("figure.chart").First;
        await chart.Locator("text=Show as table").ClickAsync();
        await Assertions.Expect(chart.Locator("table")).ToBeVisibleAsync();
        Assert.Equal(run.Trends.Single(t => t.Key == "satisfaction").Points.Count, await chart.Locator("table tbody tr").CountAsync());
        await ShotAsync(lead, "61-monitor-chart-table");

        // The overview shows the verdicts of the latest run.
        await lead.GoAsync($"/reviews/{reviewId}");
        await Assertions.Expect(page.Locator("#monitored-heading")).ToHaveTextAsync("Did the change work?");
        Assert.Equal(run.Kpis.Count, await page.Locator("#overview-verdicts tbody tr").CountAsync());
        await Assertions.Expect(page.Locator("#overview-verdicts")).ToContainTextAsync("First-contact resolution");
        await ShotAsync(lead, "62-overview-monitored");

        Assert.True(lead.Violations.Count == 0, string.Join('\n', lead.Violations));
    }

    /// <summary>Cases ending with Closed that start before the go-live, and from 14 days after it.</summary>
    private static (int Before, int After) CountPeriods(string path)
    {
        var log = EventLogFile.Read(path).Log;
        int before = 0, after = 0;
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] != "Closed")
            {
                continue;
            }

            long start = log.CaseStartTime(c);
            before += start < GoLive.UtcTicks ? 1 : 0;
            after += start >= GoLive.AddDays(14).UtcTicks ? 1 : 0;
        }

        return (before, after);
    }

    // The review as far as Monitor, through the layer: the scope agreed, the log imported and assessed, the option
    // "No waiting step" simulated, costed, recommended and signed, the plan done and going live on 1 June 2012, and a
    // KPI of the monitoring plan.
    private static Guid Seed(Workbench.Workbench bench, string log)
    {
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Improvement lead", Password = LeadPassword });
        var lead = bench.Accounts.CommandLineUser("lead");
        bench.Accounts.CreateUser(lead, new NewUser { Name = "sam", DisplayName = "Sam Sponsor", Password = "sam password 2026" });
        var sam = bench.Accounts.CommandLineUser("sam");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster without more staff"] }).Id;
        bench.Reviews.SetMember(lead, id, new NewMember { User = "sam", Role = "approver" });
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step", "automate", "reduce-rework"], Budget = 25_000m });
        bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        bench.Data.Import(lead, id, new ImportRequest { Path = log });
        bench.Steps.Assess(lead, id, new AnalysisRequest(), new StepReviewRequest());
        bench.Reviews.MoveStage(lead, id, "challenge");
        bench.Options.Save(lead, id, new OptionRequest { Title = "No waiting step", RemoveStep = ["Wait"] });
        bench.Options.Simulate(lead, id, new SimulateOptionsRequest { Simulation = new WhatIfRequest { Replications = 3, Seed = 7, Horizon = "60d", CostPerHour = 30 } });
        bench.Reviews.MoveStage(lead, id, "evaluate");
        bench.Reviews.MoveStage(lead, id, "decide");
        bench.Decisions.Recommend(lead, id, new RecommendationRequest { Title = "Stop parking tickets in Wait", Options = ["No waiting step"], Rationale = "The largest gain in resolution time" });
        bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        bench.Plan.SaveTask(lead, id, new TaskRequest { Title = "Replace Wait with a reminder", Owner = "Sam Sponsor", Due = "2012-05-25" });
        bench.Plan.SetGoLive(lead, id, new GoLiveRequest { GoLive = "2012-06-01" });
        bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "plan", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "implement");
        bench.Plan.UpdateStatus(lead, id, new TaskStatusRequest { Task = "Replace Wait with a reminder", Status = "done" });
        bench.Reviews.MoveStage(lead, id, "monitor");
        bench.Monitoring.SaveKpi(lead, id, new KpiRequest { Name = "Median resolution time", Metric = "throughput_median_hours", Target = 850, Baseline = 900, BaselineSource = "service report 2011" });
        return id;
    }

    // Also keeps each screenshot under out/screenshots/ of the repository (ignored by git), where people look for them.
    private static async Task ShotAsync(UserSession session, string name)
    {
        await session.ShotAsync(name);
        string folder = Directory.CreateDirectory(Path.Combine(SharedData.RepositoryRoot, "out", "screenshots")).FullName;
        File.Copy(Path.Combine(Browser.ScreenshotFolder, name + ".png"), Path.Combine(folder, name + ".png"), overwrite: true);
    }
}
