using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Evaluation;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Planning;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Steps;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// A process review carried through every stage in the browser on the real help-desk log (samples/helpdesk.xes.gz, the
/// 4TU help-desk log of ../shared/data): the manager creates it, adds members and stakeholders, imports the log,
/// writes the scope, which the sponsor signs; maps, paints and downloads the map; assesses and costs every step; puts a
/// question to the team lead; writes and simulates an option, scores it, recommends it; plans the change, which the
/// team lead finds on her own home page and finishes; and monitors the change. A second test proves that a viewer
/// reads every page of such a review and can change nothing, neither through the pages nor by posting directly.
/// A screenshot of every page goes to the test output (screenshots/) and to out/screenshots/ at 1280 px wide.
/// </summary>
public sealed class FullCycleJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private const string LeadPassword = "lead password 2026";
    private const string SamPassword = "sam password 2026";
    private const string TiaPassword = "tia password 2026";
    private const string ValPassword = "val password 2026";

    [SkippableFact]
    public async Task HelpdeskReview_FromScopeToMonitor_EveryStageThroughThePages()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        Accounts(bench);
        var leadActor = bench.Accounts.CommandLineUser("lead");

        await using var lead = await UserSession.OpenAsync(browser.Chromium, app.Address);
        var page = lead.Page;
        page.SetDefaultTimeout(60_000);
        await lead.SignInAsync("lead", LeadPassword);

        // Scope: the review, its members and stakeholders, the data, then the boundaries by clicking the data's steps.
        // The form is typed into once the page runs interactively; the values are checked before it is sent.
        await page.FillAsync("#title", "Help desk tickets");
        await page.FillAsync("#aims", "Resolve tickets faster without more staff");
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Help desk tickets");
        await page.ClickAsync("text=Create the review");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reviews/[0-9a-f-]{36}$"));
        await lead.ReadyAsync();
        Guid id = Guid.Parse(page.Url.Split('/')[^1]);
        await ShotAsync(lead, "60-overview-scope");
        await lead.GoAsync($"/reviews/{id}/members");
        foreach (var (user, role) in new[] { ("sam", "approver"), ("tia", "contributor"), ("val", "viewer") })
        {
            await page.SelectOptionAsync("#member-user", user);
            await page.SelectOptionAsync("#member-role", role);
            await page.ClickAsync("form >> text=Save");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"{user} is now {role}");
        }

        await ShotAsync(lead, "61-members");
        await lead.GoAsync($"/reviews/{id}/scope");
        foreach (var (name, group, role, account) in new[] { ("Sam Sponsor", "senior-managers", "accountable", "sam"), ("Tia Teamlead", "team-leaders", "consulted", "tia") })
        {
            await page.FillAsync("#sh-name", name);
            await page.SelectOptionAsync("#sh-group", group);
            await page.SelectOptionAsync("#sh-role", role);
            await page.SelectOptionAsync("#sh-account", account);
            await page.ClickAsync("text=Add the stakeholder");
            await Assertions.Expect(page.Locator("table").First).ToContainTextAsync(name);
        }

        await lead.GoAsync($"/reviews/{id}/data");
        await page.ChooseFileAsync("#log-file", Samples("helpdesk.xes.gz"));
        await Assertions.Expect(page.Locator("section.check")).ToContainTextAsync("activity: concept:name", new() { Timeout = 120_000 });
        await ShotAsync(lead, "62-data-check");
        await page.ClickAsync("section.check >> text=into the review");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("helpdesk.xes.gz is imported", new() { Timeout = 120_000 });
        await ShotAsync(lead, "63-data");
        await lead.GoAsync($"/reviews/{id}/scope/edit");
        await page.Locator("fieldset.activity-choice").Nth(1).Locator("label", new() { HasText = "Closed" }).Locator("input").CheckAsync();
        foreach (string change in new[] { "Automate", "Remove step", "Reduce rework" })
        {
            await page.Locator("label", new() { HasText = change }).First.Locator("input").CheckAsync();
        }

        await page.FillAsync("#sc-budget", "25000");
        await page.FillAsync("#sc-in", "Tickets raised by customers");
        await ShotAsync(lead, "64-scope-edit");
        await page.ClickAsync("text=Save the scope");
        await lead.ArrivedAsync("**/scope?saved=1", "back to the saved scope");
        await lead.ReadyAsync();
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Version 1 of the scope is saved");
        await ShotAsync(lead, "65-scope");

        // The sponsor signs the scope for himself from what waits for him.
        await using var sam = await UserSession.OpenAsync(browser.Chromium, app.Address);
        sam.Page.SetDefaultTimeout(60_000);
        await sam.SignInAsync("sam", SamPassword);
        await Assertions.Expect(sam.Page.Locator(".task-list")).ToContainTextAsync("Sign off the scope of “Help desk tickets” as Sam Sponsor");
        await sam.Page.ClickAsync(".task-list a");
        await sam.ReadyAsync();
        await sam.Page.CheckAsync("text=I approve this version");
        await sam.Page.ClickAsync("text=Record my decision");
        await Assertions.Expect(sam.Page.Locator(".alert-ok")).ToContainTextAsync("Your decision on version 1 of the scope is recorded");
        await lead.GoAsync($"/reviews/{id}");
        await MoveAsync(page, "Analyse");

        // Analyse: the map with its sliders; painted by waiting; every download is the view shown.
        await lead.GoAsync($"/reviews/{id}/analyse");
        Assert.True(await page.Locator(".map-view svg a.map-step").CountAsync() > 3);
        await ShotAsync(lead, "66-analyse-map");
        await page.SelectOptionAsync("#m-paint", "waiting");
        await Assertions.Expect(page.Locator(".map-view svg .legend")).ToContainTextAsync("box colour: median waiting before the step");
        Assert.True(await page.Locator(".map-view svg g[data-paint]").CountAsync() > 3);
        await page.Locator("#m-paths").FillAsync("50");
        await ShotAsync(lead, "67-analyse-painted-waiting");
        string png = (await page.Locator(".map-export a:text-is('PNG')").GetAttributeAsync("href"))!;
        Assert.Contains("paint=waiting", png, StringComparison.Ordinal);
        Assert.Contains("paths=50", png, StringComparison.Ordinal);
        var download = await page.Context.APIRequest.GetAsync(png);
        Assert.Equal(200, download.Status);
        Assert.Equal("image/png", download.Headers["content-type"]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await download.BodyAsync())[..4]);
        var bpmn = await page.Context.APIRequest.GetAsync((await page.Locator(".map-export a:text-is('BPMN')").GetAttributeAsync("href"))!);
        Assert.Contains("<bpmn:definitions", await bpmn.TextAsync(), StringComparison.Ordinal);
        var svg = await page.Context.APIRequest.GetAsync((await page.Locator(".map-export a:text-is('SVG')").GetAttributeAsync("href"))!);
        Assert.Contains("attachment; filename=helpdesk-map.svg", svg.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Contains("data-paint=", await svg.TextAsync(), StringComparison.Ordinal);
        await page.ClickAsync(".view-switch >> text=Paths");
        await page.Locator("table[aria-label=Paths] button:text-is('Cases')").First.ClickAsync();
        await Assertions.Expect(page.Locator("h3", new() { HasText = "Cases taking path 1 " })).ToBeVisibleAsync();
        await ShotAsync(lead, "68-analyse-variants");

        // Steps: assessed with the sample's hourly rates; the scorecard fits a 1280 px window with each figure's basis.
        await lead.GoAsync($"/reviews/{id}/steps");
        await page.ChooseFileAsync("#a-rates", Samples("helpdesk-rates.yaml"));
        await Assertions.Expect(page.Locator("#a-rates-hint")).ToContainTextAsync("helpdesk-rates.yaml");
        await page.ClickAsync("text=Assess and save");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Assessed", new() { Timeout = 120_000 });
        var grid = page.Locator("table.scorecard");
        await Assertions.Expect(grid).ToContainTextAsync(" EUR");
        await Assertions.Expect(grid).ToContainTextAsync("estimated");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the steps page scrolls sideways at 1280 px");
        Assert.True(await grid.EvaluateAsync<bool>("t => t.getBoundingClientRect().right <= t.closest('section').getBoundingClientRect().right + 0.5"), "the scorecard is wider than its panel");
        await ShotAsync(lead, "69-steps");
        // The costliest step by the saved assessments, read through the layer.
        var stepNames = bench.Steps.List(leadActor, id).ToDictionary(x => x.Value.Id, x => x.Value.Activity ?? x.Value.Name);
        string costliest = stepNames[bench.Steps.Assessments(leadActor, id)
            .Where(a => a.Value.Aspect == Stepwise.Review.Steps.AssessmentAspect.Cost)
            .MaxBy(a => a.Value.Measures["total_cost"])!.Value.StepId];
        await Assertions.Expect(grid.Locator("tbody tr", new() { HasText = costliest }).First).ToContainTextAsync(" EUR");
        await lead.GoAsync($"/reviews/{id}/step?name={Uri.EscapeDataString(costliest)}");
        await ShotAsync(lead, "70-step");
        await lead.GoAsync($"/reviews/{id}/analyse");
        await page.SelectOptionAsync("#m-paint", "cost");
        await Assertions.Expect(page.Locator(".map-view svg .legend")).ToContainTextAsync("box colour: total cost in EUR");
        // The darkest box is the costliest step (the scale runs from pale to dark with cost).
        var painted = await page.Locator(".map-view svg g[data-paint]").EvaluateAllAsync<string[]>("gs => gs.sort((a, b) => b.dataset.paint - a.dataset.paint).map(g => g.dataset.name)");
        Assert.Equal(costliest, painted[0]);
        await ShotAsync(lead, "71-analyse-painted-cost");
        await lead.GoAsync($"/reviews/{id}");
        await MoveAsync(page, "Challenge");

        // Challenge: a generated question put to the team lead, who answers it herself.
        await lead.GoAsync($"/reviews/{id}/challenge");
        var first = page.Locator("article.question").First;
        await first.Locator("summary").ClickAsync();
        await first.Locator("label", new() { HasText = "Tia Teamlead" }).Locator("input").CheckAsync();
        await first.Locator("text=Put it to them").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("put to Tia Teamlead");
        await ShotAsync(lead, "72-challenge");
        await using var tia = await UserSession.OpenAsync(browser.Chromium, app.Address);
        tia.Page.SetDefaultTimeout(60_000);
        await tia.SignInAsync("tia", TiaPassword);
        await tia.Page.Locator(".task-list a", new() { HasText = "Answer a question" }).First.ClickAsync();
        await tia.ReadyAsync();
        var mine = tia.Page.Locator("details.answer-own[open]").First;
        await mine.Locator("textarea").FillAsync("Most tickets in Wait are waiting for the customer; a reminder after three days would move them.");
        await mine.Locator("text=Send my answer").ClickAsync();
        await Assertions.Expect(tia.Page.Locator(".alert-ok")).ToContainTextAsync("Your answer is recorded");
        await lead.GoAsync($"/reviews/{id}");
        await MoveAsync(page, "Evaluate");

        // Options: one change written in the form and simulated as a job with progress.
        await lead.GoAsync($"/reviews/{id}/options");
        await page.FillAsync("#opt-title", "No waiting step");
        await page.FillAsync("#opt-description", "Stop parking tickets in Wait; work continues directly");
        await page.ClickAsync("text=Add a change");
        await page.SelectOptionAsync("#chg-kind-0", "RemoveStep");
        // The row redraws with the kind's own field; typing before that would go into the field being replaced.
        await Assertions.Expect(page.Locator("label[for=chg-a-0]")).ToHaveTextAsync("Step no longer done");
        await page.FillAsync("#chg-a-0", "Wait");
        await Assertions.Expect(page.Locator("#chg-a-0")).ToHaveValueAsync("Wait");
        await page.ClickAsync("text=Add the option");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Option “No waiting step” is saved");
        await page.FillAsync("#sim-replications", "3");
        await page.FillAsync("#sim-horizon", "60d");
        await page.FillAsync("#sim-seed", "7");
        await page.FillAsync("#sim-cost", "30");
        await page.ClickAsync("button:text-is('Simulate')");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Simulated 1 option with 3 replications", new() { Timeout = 300_000 });
        await ShotAsync(lead, "73-options");

        // Evaluation: criteria, scores, a stated cost-benefit case and a risk.
        await lead.GoAsync($"/reviews/{id}/evaluation");
        await page.FillAsync("#crit-weight-0", "0.5");
        await page.FillAsync("#crit-weight-1", "0.3");
        await page.FillAsync("#crit-weight-2", "0.2");
        await page.ClickAsync("text=Save the criteria");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("The criteria are saved");
        foreach (var (criterion, score) in new[] { ("Speed", 5), ("Cost", 4), ("Customer effort", 4) })
        {
            await page.SelectOptionAsync("#score-option", "No waiting step");
            await page.SelectOptionAsync("#score-criterion", criterion);
            await page.SelectOptionAsync("#score-value", score.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#score-rationale", $"{criterion} judged by the team");
            await page.ClickAsync("text=Save the score");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"is scored {score} on {criterion}");
        }

        // 0.5 × 5 + 0.3 × 4 + 0.2 × 4 = 4.50.
        await Assertions.Expect(page.Locator("#ranking li").Nth(0)).ToContainTextAsync("No waiting step: 4.50 of 5");
        await page.SelectOptionAsync("#cb-option", "No waiting step");
        await page.FillAsync("#cb-oneoff", "12000");
        await page.FillAsync("#cb-yearly-cost", "1000");
        await page.FillAsync("#cb-savings", "6000");
        await page.FillAsync("#cb-years", "5");
        await page.FillAsync("#cb-rate", "5");
        await page.ClickAsync("text=Save the cost-benefit case");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("cost-benefit case of “No waiting step” is saved");
        await page.FillAsync("#risk-description", "Tickets waiting for the customer are closed too early");
        await page.SelectOptionAsync("#risk-option", "No waiting step");
        await page.SelectOptionAsync("#risk-likelihood", "3");
        await page.SelectOptionAsync("#risk-impact", "3");
        await page.SelectOptionAsync("#risk-owner", "Tia Teamlead");
        await page.FillAsync("#risk-mitigation", "A reply template that keeps the ticket open");
        await page.ClickAsync("text=Save the risk");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("The risk is saved");
        await ShotAsync(lead, "74-evaluation");

        // Decide: the recommendation, signed by the sponsor himself.
        await lead.GoAsync($"/reviews/{id}/decision");
        await page.FillAsync("#rec-title", "Stop parking tickets");
        await page.CheckAsync("label:has-text('No waiting step') >> input");
        await page.FillAsync("#rec-rationale", "Fastest and cheapest");
        await page.ClickAsync("text=Put it forward");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("put forward for sign-off");
        await lead.GoAsync($"/reviews/{id}");
        await MoveAsync(page, "Decide");
        await sam.GoAsync($"/reviews/{id}/decision");
        await sam.Page.ClickAsync("text=Record my decision");
        await Assertions.Expect(sam.Page.Locator(".alert-ok")).ToContainTextAsync("Your decision on version 1 of “Stop parking tickets” is recorded");
        await ShotAsync(sam, "75-decision");

        // Plan: a task owned by the team lead; the sponsor signs the plan; Implement.
        await lead.GoAsync($"/reviews/{id}/plan");
        await page.FillAsync("#task-title", "Switch off the Wait status");
        await page.SelectOptionAsync("#task-owner", "Tia Teamlead");
        await page.FillAsync("#task-start", "2027-01-04");
        await page.FillAsync("#task-due", "2027-01-15");
        await page.ClickAsync("text=Add the task");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("is saved");
        await sam.GoAsync($"/reviews/{id}/plan");
        await sam.Page.ClickAsync("text=Record my decision");
        await Assertions.Expect(sam.Page.Locator(".alert-ok")).ToContainTextAsync("Your decision on version 1 of the plan is recorded");
        await lead.GoAsync($"/reviews/{id}");
        await MoveAsync(page, "Implement");
        await lead.GoAsync($"/reviews/{id}/plan");
        await ShotAsync(lead, "76-plan");

        // Implement: the task waits for its owner on her home page; she finishes it there.
        await tia.GoAsync("/");
        var task = tia.Page.Locator(".task-list li", new() { HasText = "Switch off the Wait status" });
        await Assertions.Expect(task).ToContainTextAsync("Do the task “Switch off the Wait status” in “Help desk tickets” as Tia Teamlead (due 15 Jan 2027, not started)");
        await ShotAsync(tia, "77-home-teamlead-task");
        await task.Locator("a").ClickAsync();
        await tia.ReadyAsync();
        var row = tia.Page.Locator("#plan-tasks tbody tr", new() { HasText = "Switch off the Wait status" });
        await row.Locator("select").SelectOptionAsync("done");
        await row.Locator("button:text-is('Update')").ClickAsync();
        await Assertions.Expect(tia.Page.Locator(".alert-ok")).ToContainTextAsync("is now done");
        await tia.GoAsync("/");
        await Assertions.Expect(tia.Page.Locator(".task-list li", new() { HasText = "Switch off the Wait status" })).ToHaveCountAsync(0);
        await lead.GoAsync($"/reviews/{id}");
        await MoveAsync(page, "Monitor");

        // Monitor: the stored log split at a date, before and after.
        await lead.GoAsync($"/reviews/{id}/monitor");
        await page.FillAsync("#monitor-change", "2012-06-01");
        await page.FillAsync("#monitor-settling", "14d");
        await page.ClickAsync("#monitor-run");
        await Assertions.Expect(page.Locator("#monitor-kpis tbody tr").First).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await ShotAsync(lead, "78-monitor");
        await lead.GoAsync($"/reviews/{id}");
        await ShotAsync(lead, "79-overview-monitor");
        await lead.GoAsync($"/reviews/{id}/history");
        await ShotAsync(lead, "80-history");
        await lead.GoAsync($"/reviews/{id}/reports");
        await ShotAsync(lead, "81-reports");
        await lead.GoAsync("/");
        await ShotAsync(lead, "82-home");

        Assert.Equal(Stepwise.Review.Reviews.Stage.Monitor, bench.Reviews.Get(leadActor, id).Stage);
        var violations = lead.Violations.Concat(sam.Violations).Concat(tia.Violations).ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [SkippableFact]
    public async Task Viewer_ReadsEveryPageOfAMonitoredReview_AndCanChangeNothing()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        Guid id = SeedMonitored(bench);
        var leadActor = bench.Accounts.CommandLineUser("lead");
        long versionBefore = bench.Reviews.History(leadActor, id).Count;

        await using var val = await UserSession.OpenAsync(browser.Chromium, app.Address);
        val.Page.SetDefaultTimeout(60_000);
        await val.SignInAsync("val", ValPassword);
        string step = bench.Steps.List(leadActor, id)[0].Value.Name;
        var pages = new (string Name, string Path)[]
        {
            ("overview", ""), ("scope", "/scope"), ("data", "/data"), ("analyse", "/analyse"), ("steps", "/steps"),
            ("step", "/step?name=" + Uri.EscapeDataString(step)), ("challenge", "/challenge"), ("options", "/options"),
            ("evaluation", "/evaluation"), ("decision", "/decision"), ("plan", "/plan"), ("monitor", "/monitor"),
            ("members", "/members"), ("history", "/history"), ("reports", "/reports"),
        };
        int n = 90;
        foreach (var (name, path) in pages)
        {
            await val.GoAsync($"/reviews/{id}{path}");
            await Assertions.Expect(val.Page.Locator("h1")).ToBeVisibleAsync();
            Assert.Equal(0, await val.Page.Locator(".alert-error").CountAsync());
            var writes = await WriteControlsAsync(val.Page);
            Assert.True(writes.Count == 0, $"{name}: a viewer is offered {string.Join(", ", writes)}");
            await ShotAsync(val, $"{n++}-viewer-{name}");
        }

        // What the viewer reads is the review's own content.
        await val.GoAsync($"/reviews/{id}/plan");
        await Assertions.Expect(val.Page.Locator("#plan-tasks")).ToContainTextAsync("Switch off the Wait status");
        await val.GoAsync($"/reviews/{id}/monitor");
        await Assertions.Expect(val.Page.Locator("#monitor-kpis tbody tr").First).ToBeVisibleAsync();

        // Posting directly with the viewer's own signed-in session is refused, and nothing changes.
        var api = val.Page.Context.APIRequest;
        string origin = app.Address.ToString().TrimEnd('/');
        var posts = new (string Method, string Path, object Body)[]
        {
            ("PUT", $"/api/v1/reviews/{id}/stage", new { stage = "closed" }),
            ("PUT", $"/api/v1/reviews/{id}/scope", new { end = new[] { "Wait" } }),
            ("POST", $"/api/v1/reviews/{id}/stakeholders", new { name = "Eve", group = "agents", role = "informed" }),
            ("POST", $"/api/v1/reviews/{id}/members", new { user = "val", role = "owner" }),
            ("POST", $"/api/v1/reviews/{id}/options", new { title = "Eve's option" }),
            ("POST", $"/api/v1/reviews/{id}/evaluation/scores", new { option = "No waiting step", criterion = "Speed", score = 1, rationale = "x" }),
            ("POST", $"/api/v1/reviews/{id}/recommendations", new { title = "Eve's idea", options = new[] { "No waiting step" }, rationale = "x" }),
            ("POST", $"/api/v1/reviews/{id}/sign-offs", new { artefact = "plan", decision = "reject", stakeholder = "Sam Sponsor", reason = "x", on_behalf_reason = "told by phone" }),
            ("POST", $"/api/v1/reviews/{id}/plan/tasks", new { title = "Eve's task", owner = "Tia Teamlead", due = "2027-02-01" }),
            ("PUT", $"/api/v1/reviews/{id}/plan/tasks/Switch off the Wait status/status", new { status = "blocked" }),
            ("POST", $"/api/v1/reviews/{id}/steps/assessments", new { }),
            ("POST", $"/api/v1/reviews/{id}/monitoring/runs", new { change_date = "2012-06-01" }),
        };
        foreach (var (method, path, body) in posts)
        {
            var response = await api.FetchAsync(origin + path, new APIRequestContextOptions
            {
                Method = method,
                DataObject = body,
                // A version, as a careful client sends (If-Match): the refusal must be for the role, not a missing precondition.
                Headers = new Dictionary<string, string> { ["Origin"] = origin, ["Content-Type"] = "application/json", ["If-Match"] = "\"1\"" },
            });
            string text = await response.TextAsync();
            Assert.True(response.Status == 403, $"{method} {path}: {response.Status} {text}");
            using var problem = JsonDocument.Parse(text);
            // Refused for the role (a sign-off is refused sooner: she may not sign for a stakeholder who is not her).
            Assert.Contains(path.EndsWith("/sign-offs", StringComparison.Ordinal) ? "can sign" : "is a viewer of this review", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(versionBefore, bench.Reviews.History(leadActor, id).Count);
        Assert.Equal(Stepwise.Review.Reviews.Stage.Monitor, bench.Reviews.Get(leadActor, id).Stage);
        Assert.True(val.Violations.Count == 0, string.Join('\n', val.Violations));
    }

    // Every enabled control in the page's main part that could change the review. Reading controls are allowed: the
    // map's filter, sliders, overlays and zoom, view switches, table sorting and paging, disclosure, chart tables.
    private static async Task<List<string>> WriteControlsAsync(IPage page)
        => [.. await page.EvaluateAsync<string[]>("""
            () => {
              const reading = [/^Apply the filter$/, /^Clear it$/, /^Zoom (in|out)$/, /^Fit to width$/, /^Steps$/, /^Paths$/, /^Cases$/, /^Hand-overs$/,
                /^Show \d+ more/, /^Show as (table|chart)$/, /^(Show|Hide) /, /^Download/, /^Cancel$/];
              const inReadingForm = el => !!el.closest('details.filters-panel, .filters, .map-controls, .view-switch, .chart-switch');
              const out = [];
              for (const el of document.querySelectorAll('main button, main input, main select, main textarea, main [contenteditable=true]')) {
                if (el.disabled || el.type === 'hidden' || el.closest('[hidden]')) continue;
                if (inReadingForm(el) || el.closest('th') || ['kpi-choice', 'q-show'].includes(el.id)) continue;
                const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.id || el.name || '').trim();
                if (el.tagName === 'BUTTON' && reading.some(r => r.test(text))) continue;
                out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + text.slice(0, 40) + '"');
              }
              return out;
            }
            """)];

    private static async Task MoveAsync(IPage page, string stage)
    {
        await page.ClickAsync($"text=Move to {stage}");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync(stage);
    }

    private static void Accounts(Workbench.Workbench bench)
    {
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Improvement lead", Password = LeadPassword });
        var lead = bench.Accounts.CommandLineUser("lead");
        bench.Accounts.CreateUser(lead, new NewUser { Name = "sam", DisplayName = "Sam Sponsor", Password = SamPassword });
        bench.Accounts.CreateUser(lead, new NewUser { Name = "tia", DisplayName = "Tia Teamlead", Password = TiaPassword });
        bench.Accounts.CreateUser(lead, new NewUser { Name = "val", DisplayName = "Val Viewer", Password = ValPassword });
    }

    // A review carried to Monitor through the layer, with a viewer: every page then has content to read.
    private static Guid SeedMonitored(Workbench.Workbench bench)
    {
        Accounts(bench);
        var lead = bench.Accounts.CommandLineUser("lead");
        var sam = bench.Accounts.CommandLineUser("sam");
        var tia = bench.Accounts.CommandLineUser("tia");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster without more staff"] }).Id;
        bench.Reviews.SetMember(lead, id, new NewMember { User = "sam", Role = "approver" });
        bench.Reviews.SetMember(lead, id, new NewMember { User = "tia", Role = "contributor" });
        bench.Reviews.SetMember(lead, id, new NewMember { User = "val", Role = "viewer" });
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable", Account = "sam" });
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Tia Teamlead", Group = "team-leaders", Role = "consulted", Account = "tia" });
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step", "automate", "reduce-rework"], Budget = 25_000m });
        bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        bench.Data.Import(lead, id, new ImportRequest { Path = Samples("helpdesk.xes.gz") });
        bench.Steps.Assess(lead, id, new AnalysisRequest(), new StepReviewRequest { Rates = Samples("helpdesk-rates.yaml") });
        bench.Reviews.MoveStage(lead, id, "challenge");
        bench.Reviews.MoveStage(lead, id, "evaluate");
        bench.Options.Save(lead, id, new OptionRequest { Title = "No waiting step", RemoveStep = ["Wait"] });
        bench.Options.Simulate(lead, id, new SimulateOptionsRequest { Simulation = new WhatIfRequest { Replications = 3, Seed = 7, Horizon = "60d", CostPerHour = 30 } });
        bench.Evaluation.SetCriteria(lead, id, new CriteriaRequest { Criterion = ["Speed=1"] });
        bench.Evaluation.Score(lead, id, new ScoreRequest { Option = "No waiting step", Criterion = "Speed", Score = 5, Rationale = "fastest" });
        bench.Reviews.MoveStage(lead, id, "decide");
        bench.Decisions.Recommend(lead, id, new RecommendationRequest { Title = "Stop parking tickets", Options = ["No waiting step"], Rationale = "Fastest" });
        bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        bench.Plan.SaveTask(lead, id, new TaskRequest { Title = "Switch off the Wait status", Owner = "Tia Teamlead", Due = "2027-01-15" });
        bench.Reviews.SignOff(sam, id, new SignOffRequest { Artefact = "plan", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "implement");
        bench.Plan.UpdateStatus(tia, id, new TaskStatusRequest { Task = "Switch off the Wait status", Status = "done" });
        bench.Reviews.MoveStage(lead, id, "monitor");
        bench.Monitoring.Monitor(lead, id, new ChangeMonitoringRequest { ChangeDate = "2012-06-01", SettlingIn = "14d" });
        return id;
    }

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
                return;
            }
        }
    }
}
