using System.Globalization;
using Microsoft.Playwright;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// The help-desk review (samples/helpdesk.xes.gz, set up through the use-case layer as far as Evaluate) carried from
/// Evaluate to Implement in the browser: options written in forms and simulated with progress, the decision matrix,
/// a cost-benefit case stated and one from the simulation, a risk, a recommendation signed by the sponsor himself, a
/// plan with a dependency and RACI signed off, and a task's owner updating her own task. Figures on the pages are
/// checked against values worked out in this test (weighted scores, NPV and payback by hand). Screenshots of every page
/// go to the test output and to out/screenshots/.
/// </summary>
public sealed class EvaluateToImplementJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private const string LeadPassword = "lead password 2026";
    private const string SamPassword = "sam password 2026";
    private const string TiaPassword = "tia password 2026";

    [SkippableFact]
    public async Task HelpdeskReview_FromEvaluateToImplement_ThroughThePages()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        Guid reviewId = Seed(bench);
        var leadActor = bench.Accounts.CommandLineUser("lead");

        await using var lead = await UserSession.OpenAsync(browser.Chromium, app.Address);
        var page = lead.Page;
        page.SetDefaultTimeout(60_000);
        await lead.SignInAsync("lead", LeadPassword);

        // Two options written in the form: only the kinds the scope allows are offered.
        await lead.GoAsync($"/reviews/{reviewId}/options");
        await page.FillAsync("#opt-title", "No waiting step");
        await page.FillAsync("#opt-description", "Stop parking tickets in Wait; work continues directly");
        await page.ClickAsync("text=Add a change");
        await Assertions.Expect(page.Locator("#chg-kind-0 option")).ToHaveTextAsync(["Remove step", "Automate", "Reduce rework"]);
        await page.SelectOptionAsync("#chg-kind-0", "RemoveStep");
        await page.FillAsync("#chg-a-0", "Wait");
        await page.ClickAsync("text=Add the option");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Option “No waiting step” is saved");

        // A bad duration is reported next to the change, and nothing typed is lost.
        await page.FillAsync("#opt-title", "Automate triage");
        await page.ClickAsync("text=Add a change");
        await page.SelectOptionAsync("#chg-kind-0", "Automate");
        // The row redraws with the kind's own fields; typing before that would go into the field being replaced.
        await Assertions.Expect(page.Locator("#chg-d-0")).ToBeVisibleAsync();
        await page.FillAsync("#chg-a-0", "Assign seriousness");
        await page.FillAsync("#chg-d-0", "a minute");
        await page.ClickAsync("text=Add the option");
        await Assertions.Expect(page.Locator("#chg-error-0")).ToContainTextAsync("is not a duration");
        Assert.Equal("Assign seriousness", await page.InputValueAsync("#chg-a-0"));
        await page.FillAsync("#chg-d-0", "60s");
        await page.FillAsync("#chg-c-0", "0.05");
        await page.ClickAsync("text=Add the option");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Option “Automate triage” is saved");
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("automate 'Assign seriousness'");
        await ShotAsync(lead, "40-options");

        // Simulated in the background with progress; the page stays usable and shows the results when done.
        await page.FillAsync("#sim-replications", "3");
        await page.FillAsync("#sim-horizon", "60d");
        await page.FillAsync("#sim-seed", "7");
        await page.FillAsync("#sim-cost", "30");
        await page.ClickAsync("button:text-is('Simulate')");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Simulated 2 options with 3 replications", new() { Timeout = 300_000 });
        await Assertions.Expect(page.Locator("#kpi-table")).ToContainTextAsync("Cost per case");
        await Assertions.Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#check-heading")).ToBeVisibleAsync();
        await ShotAsync(lead, "41-options-simulated");
        await page.SelectOptionAsync("#kpi-choice", "cost_per_case");
        await Assertions.Expect(page.Locator("figure.chart .chart-title")).ToContainTextAsync("ost per case");
        await page.ClickAsync("figure.chart >> text=Show as table");
        await Assertions.Expect(page.Locator("figure.chart table")).ToContainTextAsync("As-is");
        await ShotAsync(lead, "42-options-kpi-table");

        // Criteria (weights must sum to 1) and every cell of the matrix.
        await lead.GoAsync($"/reviews/{reviewId}/evaluation");
        await page.FillAsync("#crit-weight-0", "0.5");
        await page.FillAsync("#crit-weight-1", "0.3");
        await page.FillAsync("#crit-weight-2", "0.3");
        await page.ClickAsync("text=Save the criteria");
        await Assertions.Expect(page.Locator("#crit-error")).ToContainTextAsync("sum to 1");
        await page.FillAsync("#crit-weight-2", "0.2");
        await page.ClickAsync("text=Save the criteria");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("The criteria are saved");
        var scores = new (string Option, string Criterion, int Score)[]
        {
            ("No waiting step", "Speed", 5), ("No waiting step", "Cost", 4), ("No waiting step", "Customer effort", 4),
            ("Automate triage", "Speed", 3), ("Automate triage", "Cost", 4), ("Automate triage", "Customer effort", 2),
        };
        foreach (var (option, criterion, score) in scores)
        {
            await page.SelectOptionAsync("#score-option", option);
            await page.SelectOptionAsync("#score-criterion", criterion);
            await page.SelectOptionAsync("#score-value", score.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#score-rationale", $"{criterion} judged by the team for {option}");
            await page.ClickAsync("text=Save the score");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"is scored {score} on {criterion}");
        }

        // Weighted scores by hand: 0.5 × 5 + 0.3 × 4 + 0.2 × 4 = 4.50; 0.5 × 3 + 0.3 × 4 + 0.2 × 2 = 3.10.
        await Assertions.Expect(page.Locator("#ranking li").Nth(0)).ToContainTextAsync("No waiting step: 4.50 of 5");
        await Assertions.Expect(page.Locator("#ranking li").Nth(1)).ToContainTextAsync("Automate triage: 3.10 of 5");
        await Assertions.Expect(page.Locator("#ranking-heading + ol + p")).ToContainTextAsync("stays first when any weight moves by 20%");
        Assert.Equal(6, await page.Locator("#sensitivity tbody tr").CountAsync());

        // A stated case: 12,000 now, 1,000 a year to run, 6,000 a year saved, 5 years at 5%.
        await page.SelectOptionAsync("#cb-option", "No waiting step");
        await page.FillAsync("#cb-oneoff", "12000");
        await page.FillAsync("#cb-yearly-cost", "1000");
        await page.FillAsync("#cb-savings", "6000");
        await page.FillAsync("#cb-years", "5");
        await page.FillAsync("#cb-rate", "5");
        await page.ClickAsync("text=Save the cost-benefit case");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("cost-benefit case of “No waiting step” is saved");
        decimal npv = HandNpv(-12_000m, 6_000m - 1_000m, 5, 0.05m);
        var stated = page.Locator("#cost-benefit tbody tr", new() { HasText = "No waiting step" }).First;
        await Assertions.Expect(stated.Locator(".npv")).ToContainTextAsync(Money(npv));
        await Assertions.Expect(stated.Locator(".payback")).ToContainTextAsync("2.4 years"); // 12,000 / 5,000
        await Assertions.Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();

        // A case from the simulation: the fall in cost per case × 4,580 cases a year, its interval carried to the NPV.
        await page.SelectOptionAsync("#cb-option", "Automate triage");
        await page.FillAsync("#cb-oneoff", "8000");
        await page.FillAsync("#cb-yearly-cost", "500");
        await page.ClickAsync("text=A KPI improved in the option's simulation");
        await Assertions.Expect(page.Locator("#cb-kpi")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#cb-kpi", "cost_per_case");
        await page.FillAsync("#cb-unit", "4580");
        await page.ClickAsync("text=Save the cost-benefit case");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("cost-benefit case of “Automate triage” is saved");
        var kpi = bench.Options.Find(leadActor, reviewId, "Automate triage").Value.Simulation!.Kpi("cost_per_case")!;
        decimal Saving(double fall) => decimal.Round((decimal)fall * 4580m, 2, MidpointRounding.AwayFromZero);
        decimal central = Saving(-kpi.Difference.Mean!.Value), low = Saving(-kpi.Difference.High!.Value), high = Saving(-kpi.Difference.Low!.Value);
        var simulated = page.Locator("#cost-benefit tbody tr", new() { HasText = "Automate triage" }).First;
        await Assertions.Expect(simulated.Locator(".npv")).ToContainTextAsync(Money(HandNpv(-8_000m, central - 500m, 5, 0.05m)));
        await Assertions.Expect(simulated.Locator(".npv")).ToContainTextAsync($"({Money(HandNpv(-8_000m, low - 500m, 5, 0.05m))} to {Money(HandNpv(-8_000m, high - 500m, 5, 0.05m))})");

        // A risk lands in its cell of the grid.
        await page.FillAsync("#risk-description", "Tickets that need a pause (waiting for the customer) are closed too early");
        await page.SelectOptionAsync("#risk-option", "No waiting step");
        await page.SelectOptionAsync("#risk-likelihood", "4");
        await page.SelectOptionAsync("#risk-impact", "3");
        await page.SelectOptionAsync("#risk-owner", "Tia Teamlead");
        await page.FillAsync("#risk-mitigation", "A 'waiting for customer' reply template that keeps the ticket open");
        await page.ClickAsync("text=Save the risk");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("The risk is saved");
        // Likelihood 4 is the second row (5 at the top); impact 3 is the third cell after the row's header.
        await Assertions.Expect(page.Locator("#risk-grid tbody tr").Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("R1");
        await Assertions.Expect(page.Locator("#risks")).ToContainTextAsync("4 × 3 = 12");
        await ShotAsync(lead, "43-evaluation");

        // The recommendation gathers its evidence; the sponsor is asked to sign.
        await lead.GoAsync($"/reviews/{reviewId}/decision");
        await page.FillAsync("#rec-title", "Stop parking tickets");
        await page.CheckAsync("label:has-text('No waiting step') >> input");
        await page.FillAsync("#rec-rationale", "Fastest and cheapest, and it stays first when the weights move");
        await page.FillAsync("#rec-evidence", "Team leads agreed in the workshop of 3 March");
        await page.ClickAsync("text=Put it forward");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("put forward for sign-off");
        var evidence = page.Locator(".evidence");
        await Assertions.Expect(evidence).ToContainTextAsync("ranks 1 of 2 in the decision matrix with 4.50 of 5");
        await Assertions.Expect(evidence).ToContainTextAsync($"net present value {npv.ToString("N0", CultureInfo.InvariantCulture)}");
        await Assertions.Expect(evidence).ToContainTextAsync("Team leads agreed in the workshop of 3 March");
        await Assertions.Expect(page.Locator(".recommendation")).ToContainTextAsync("still needs the approval of Sam Sponsor");
        await ShotAsync(lead, "44-decision-proposed");
        await lead.GoAsync($"/reviews/{reviewId}");
        await page.ClickAsync("text=Move to Decide");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Decide");

        // The sponsor signs for himself, at the version and hash he read.
        await using var sam = await UserSession.OpenAsync(browser.Chromium, app.Address);
        sam.Page.SetDefaultTimeout(60_000);
        await sam.SignInAsync("sam", SamPassword);
        await sam.GoAsync($"/reviews/{reviewId}/decision");
        var hash = bench.Decisions.List(leadActor, reviewId).Single().Recommendation.Hash.Hex;
        await Assertions.Expect(sam.Page.Locator(".signoffs > p").First).ToContainTextAsync($"Version 1 · content {hash[..12]}");
        await Assertions.Expect(sam.Page.Locator("label:has-text('I approve this version') input")).ToBeCheckedAsync();
        await sam.Page.ClickAsync("text=Record my decision");
        await Assertions.Expect(sam.Page.Locator(".alert-ok")).ToContainTextAsync("Your decision on version 1 of “Stop parking tickets” is recorded");
        await Assertions.Expect(sam.Page.Locator(".signoffs table")).ToContainTextAsync("by themselves");
        await Assertions.Expect(sam.Page.Locator(".recommendation h2 .badge")).ToHaveTextAsync("agreed");
        Assert.Equal(0, await sam.Page.Locator("#recommend-heading").CountAsync()); // an approver does not write recommendations
        await ShotAsync(sam, "45-decision-signed-by-sponsor");

        // The plan: two tasks, the second waiting for the first, with RACI.
        await lead.GoAsync($"/reviews/{reviewId}/plan");
        await page.FillAsync("#task-title", "Agree the new rule with the team leads");
        await page.SelectOptionAsync("#task-owner", "Tia Teamlead");
        await page.FillAsync("#task-start", "2027-01-04");
        await page.FillAsync("#task-due", "2027-01-15");
        await page.ClickAsync("text=Add the task");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("is saved");
        await page.FillAsync("#task-title", "Switch off the Wait status");
        await page.SelectOptionAsync("#task-owner", "Sam Sponsor");
        await page.FillAsync("#task-start", "2027-01-18");
        await page.FillAsync("#task-due", "2027-02-05");
        await page.CheckAsync("#task-form label:has-text('Agree the new rule') >> input");
        await page.SelectOptionAsync("label:text-is('Sam Sponsor') + select", "accountable");
        await page.SelectOptionAsync("label:text-is('Tia Teamlead') + select", "responsible");
        await page.ClickAsync("text=Add the task");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("“Switch off the Wait status” is saved");
        var second = page.Locator("#plan-tasks tbody tr", new() { HasText = "Switch off the Wait status" });
        await Assertions.Expect(second).ToContainTextAsync("Agree the new rule with the team leads");
        await Assertions.Expect(second).ToContainTextAsync("Tia Teamlead (R); Sam Sponsor (A)");
        await Assertions.Expect(page.Locator(".timeline svg path[marker-end]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#plan-tasks caption")).ToContainTextAsync("2 tasks from 4 Jan 2027 to 5 Feb 2027: 2 not started; 1 dependencies");
        await ShotAsync(lead, "46-plan");

        // The sponsor signs the plan; the review moves to Implement.
        await sam.GoAsync($"/reviews/{reviewId}/plan");
        await Assertions.Expect(sam.Page.Locator("label:has-text('I approve this version') input")).ToBeCheckedAsync();
        await sam.Page.ClickAsync("text=Record my decision");
        await Assertions.Expect(sam.Page.Locator(".alert-ok")).ToContainTextAsync("Your decision on version 2 of the plan is recorded");
        await lead.GoAsync($"/reviews/{reviewId}");
        await page.ClickAsync("text=Move to Implement");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Implement");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Agreed by every accountable stakeholder");

        // The task's owner updates her own task, and is offered no other.
        await using var tia = await UserSession.OpenAsync(browser.Chromium, app.Address);
        tia.Page.SetDefaultTimeout(60_000);
        await tia.SignInAsync("tia", TiaPassword);
        await tia.GoAsync($"/reviews/{reviewId}/plan");
        Assert.Equal(1, await tia.Page.Locator(".progress-form").CountAsync());
        Assert.Equal(0, await tia.Page.Locator("#task-form").CountAsync());
        var mine = tia.Page.Locator("#plan-tasks tbody tr").First; // the first task is hers; the second waits for it
        await mine.Locator("select").SelectOptionAsync("in-progress");
        await mine.Locator("input[type=text]").FillAsync("Workshop booked for 6 January");
        await mine.Locator("button:text-is('Update')").ClickAsync();
        await Assertions.Expect(tia.Page.Locator(".alert-ok")).ToContainTextAsync("is now in progress");
        await Assertions.Expect(mine).ToContainTextAsync("Workshop booked for 6 January");
        await ShotAsync(tia, "47-plan-progress-by-owner");

        var task = bench.Plan.Get(leadActor, reviewId)!.Value.Tasks.Single(t => t.Title.StartsWith("Agree", StringComparison.Ordinal));
        Assert.Equal(Stepwise.Review.Planning.PlanTaskStatus.InProgress, task.Status);
        Assert.Equal(Stepwise.Review.Reviews.Stage.Implement, bench.Reviews.Get(leadActor, reviewId).Stage);
        var violations = lead.Violations.Concat(sam.Violations).Concat(tia.Violations).ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    // The review as far as Evaluate, through the layer: accounts, members, stakeholders bound to accounts, the scope
    // agreed by the sponsor, the help-desk log imported and its steps assessed.
    private static Guid Seed(Workbench.Workbench bench)
    {
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Improvement lead", Password = LeadPassword });
        var lead = bench.Accounts.CommandLineUser("lead");
        bench.Accounts.CreateUser(lead, new NewUser { Name = "sam", DisplayName = "Sam Sponsor", Password = SamPassword });
        bench.Accounts.CreateUser(lead, new NewUser { Name = "tia", DisplayName = "Tia Teamlead", Password = TiaPassword });
        var sam = bench.Accounts.CommandLineUser("sam");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster without more staff"] }).Id;
        bench.Reviews.SetMember(lead, id, new NewMember { User = "sam", Role = "approver" });
        bench.Reviews.SetMember(lead, id, new NewMember { User = "tia", Role = "contributor" });
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Tia Teamlead", Group = "team-leaders", Role = "consulted", Account = "tia" });
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step", "automate", "reduce-rework"], Budget = 25_000m });
        bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        bench.Data.Import(lead, id, new ImportRequest { Path = Samples("helpdesk.xes.gz") });
        bench.Steps.Assess(lead, id, new AnalysisRequest(), new StepReviewRequest());
        bench.Reviews.MoveStage(lead, id, "challenge");
        bench.Reviews.MoveStage(lead, id, "evaluate");
        return id;
    }

    // Net present value worked out here: the net one-off amount now, then the yearly net at the end of each year,
    // discounted as (1 + rate)^-year (the textbook annuity, independent of the layer's running factor).
    private static decimal HandNpv(decimal now, decimal yearly, int years, decimal rate)
    {
        double annuity = (1 - Math.Pow(1 + (double)rate, -years)) / (double)rate;
        return decimal.Round(now + (yearly * (decimal)annuity), 2, MidpointRounding.AwayFromZero);
    }

    private static string Money(decimal amount) => amount.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string Samples(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "samples", file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"samples/{file} not found above {AppContext.BaseDirectory}.");
    }

    // Also keeps each screenshot under out/screenshots/ of the repository (ignored by git), where people look for them.
    private static async Task ShotAsync(UserSession session, string name)
    {
        await session.ShotAsync(name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
            {
                string folder = Directory.CreateDirectory(Path.Combine(dir.FullName, "out", "screenshots")).FullName;
                File.Copy(Path.Combine(Browser.ScreenshotFolder, name + ".png"), Path.Combine(folder, name + ".png"), overwrite: true);

                // Each panel on its own too, at full size, to read the details.
                var panels = session.Page.Locator("main section.panel");
                int count = await panels.CountAsync();
                for (int i = 0; i < count; i++)
                {
                    await panels.Nth(i).ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"{name}-panel{i + 1}.png") });
                }

                return;
            }
        }
    }
}
