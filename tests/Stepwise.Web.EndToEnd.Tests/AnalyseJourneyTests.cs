using System.Globalization;
using Microsoft.Playwright;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// The analyse and challenge stages in the browser on the real help-desk log: a manager writes the scope by ticking the
/// data's values, imports samples/helpdesk.xes.gz through the wizard, reads the map and opens a step from it, assesses
/// every step, puts a question to the team lead, who answers it under her own account. Figures on the pages are checked
/// against counts the test makes itself from the file (cases ending with the scope's end step, events of the step).
/// </summary>
public sealed class AnalyseJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private const string LeadPassword = "lead password 2026";
    private const string TessPassword = "tess password 2026";

    private static string Sample => Path.Combine(FindRepository(), "samples", "helpdesk.xes.gz");

    [SkippableFact]
    public async Task Manager_ImportsTheHelpdeskLog_MapsAssessesAndChallengesItsSteps()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Improvement lead", Password = LeadPassword });
        var leadActor = bench.Accounts.CommandLineUser("lead");
        bench.Accounts.CreateUser(leadActor, new NewUser { Name = "tess", DisplayName = "Tess Teamlead", Password = TessPassword });
        var review = bench.Reviews.Create(leadActor, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster without more staff"] });
        bench.Reviews.SetMember(leadActor, review.Id, new NewMember { User = "tess", Role = "contributor" });
        bench.Reviews.SaveStakeholder(leadActor, review.Id, new NewStakeholder { Name = "Tess Teamlead", Group = "team-leaders", Role = "consulted", Account = "tess" });

        // What the pages must show, counted here from the file itself: cases whose last step is "Closed", and events of each step in them.
        var log = LogFiles.Read(Sample, new LogReadRequest()).Import.Log;
        int closedCases = 0;
        var eventsInScope = new Dictionary<string, long>(StringComparer.Ordinal);
        var resourcesInScope = new Dictionary<string, Dictionary<int, long>>(StringComparer.Ordinal);
        for (int c = 0; c < log.CaseCount; c++)
        {
            if (log.ActivityNames[log.Activities[log.CaseEnd(c) - 1]] != "Closed")
            {
                continue;
            }

            closedCases++;
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                string name = log.ActivityNames[log.Activities[e]];
                eventsInScope[name] = eventsInScope.GetValueOrDefault(name) + 1;
                if (log.Resources[e] >= 0)
                {
                    var by = resourcesInScope.TryGetValue(name, out var found) ? found : resourcesInScope[name] = [];
                    by[log.Resources[e]] = by.GetValueOrDefault(log.Resources[e]) + 1;
                }
            }
        }

        Assert.InRange(closedCases, 1, log.CaseCount - 1);

        await using var lead = await UserSession.OpenAsync(browser.Chromium, app.Address);
        var page = lead.Page;
        await lead.SignInAsync("lead", LeadPassword);

        // The data, through the wizard: upload, the check shows what the reader found, then the import.
        await lead.GoAsync($"/reviews/{review.Id}/data");
        await lead.ShotAsync("40-data-empty");
        // A file the reader cannot read is refused with its line and column, and nothing is stored.
        await page.ChooseFileAsync("#log-file", new FilePayload
        {
            Name = "tickets.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Case ID,Activity,Timestamp\n"
                + string.Concat(Enumerable.Range(0, 20).Select(i => $"T{i},Open,2024-01-02 10:{i:00}\n")) + "T20,Close,not a time\n"),
        });
        await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("line 22, column 3 (Timestamp)", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#role-case option[value='Case ID']")).ToHaveCountAsync(1);
        await lead.ShotAsync("40-data-bad-file");
        Assert.Empty(bench.Data.List(leadActor, review.Id));
        await page.ClickAsync("text=Choose another file");
        // The wizard goes back to its first step; a file given before it has redrawn would go to the input being replaced.
        await Assertions.Expect(page.Locator("#role-case")).ToHaveCountAsync(0);
        await page.ChooseFileAsync("#log-file", Sample);
        var check = page.Locator("section.check");
        await Assertions.Expect(check).ToContainTextAsync(Labels(log.CaseCount, "cases"), new() { Timeout = 60_000 });
        await Assertions.Expect(check).ToContainTextAsync("activity: concept:name");
        await lead.ShotAsync("41-data-check");
        await page.ClickAsync("section.check >> text=into the review");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("helpdesk.xes.gz is imported", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("helpdesk.xes.gz");
        await page.ClickAsync("text=How it was read");
        await lead.ShotAsync("42-data-sources");

        // The scope, by ticking the end step among the data's own steps.
        await lead.GoAsync($"/reviews/{review.Id}/scope/edit");
        await page.Locator("fieldset.activity-choice").Nth(1).Locator("label", new() { HasText = "Closed" }).Locator("input").CheckAsync();
        await page.Locator("label", new() { HasText = "Automate" }).Locator("input").CheckAsync();
        await page.FillAsync("#sc-budget", "25000");
        await page.FillAsync("#sc-in", "Tickets raised by customers");
        await lead.ShotAsync("43-scope-edit");
        await page.ClickAsync("text=Save the scope");
        await lead.ArrivedAsync("**/scope?saved=1", "back to the saved scope");
        await lead.ReadyAsync();
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Version 1 of the scope is saved");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Closed");
        await lead.ShotAsync("44-scope-saved");

        // The map inside the scope: the page's case count is the file's count of cases ending with Closed, and the layer's.
        await lead.GoAsync($"/reviews/{review.Id}/analyse");
        var cases = page.Locator("[data-figure=cases]");
        await Assertions.Expect(cases).ToHaveTextAsync(closedCases.ToString("N0", CultureInfo.InvariantCulture));
        var layer = bench.Analyses.Summary(leadActor, review.Id, new AnalysisRequest());
        Assert.Equal(closedCases, layer.Result.Cases);
        Assert.True(await page.Locator(".map-view svg a.map-step").CountAsync() > 3);
        await lead.ShotAsync("45-analyse-map");
        string before = await page.Locator("#map-coverage").InnerTextAsync();
        await page.Locator("#m-activities").FillAsync("60");
        await Assertions.Expect(page.Locator("#map-coverage")).Not.ToHaveTextAsync(before);
        await page.CheckAsync("text=Time between steps");
        await Assertions.Expect(page.Locator(".map-view svg")).ToHaveAttributeAsync("data-overlay", "performance");
        await lead.ShotAsync("46-analyse-performance");
        await page.ClickAsync(".view-switch >> text=Paths");
        await page.Locator("table[aria-label=Paths] >> text=Cases").First.ClickAsync();
        await lead.ShotAsync("47-analyse-paths");

        // A step opened from the map shows its own figures; events counted from the file inside the scope.
        string step = (await page.Locator(".map-view svg a.map-step").First.GetAttributeAsync("data-step-name"))!;
        await page.Locator(".map-view svg a.map-step").First.ClickAsync();
        await lead.ArrivedAsync("**/step?name=*", "to the step's page");
        await lead.ReadyAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Step: " + step);
        await Assertions.Expect(page.Locator("[data-figure=events]")).ToHaveTextAsync(eventsInScope[step].ToString("N0", CultureInfo.InvariantCulture));
        // Fifteen resources are listed, most active first; the rest are counted below the list, with their instances.
        var instances = resourcesInScope[step].Values.OrderByDescending(v => v).ToList();
        await Assertions.Expect(page.Locator("#evidence-heading ~ table tbody tr")).ToHaveCountAsync(Math.Min(15, instances.Count));
        var rest = page.Locator("#evidence-heading ~ p.muted", new() { HasText = "other resource" });
        if (instances.Count > 15)
        {
            long beyond = instances.Skip(15).Sum();
            await Assertions.Expect(rest).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"And {instances.Count - 15:N0} other resource{(instances.Count == 16 ? "" : "s")} with {beyond:N0} instance{(beyond == 1 ? "" : "s")}"));
        }
        else
        {
            await Assertions.Expect(rest).ToHaveCountAsync(0);
        }

        await lead.ShotAsync("48-step");

        // The scorecard: every step assessed and saved; without rates the cost says so.
        await lead.GoAsync($"/reviews/{review.Id}/steps");
        await page.ClickAsync("text=Assess and save");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Assessed", new() { Timeout = 60_000 });
        var grid = page.Locator("table.scorecard");
        await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(eventsInScope.Count);
        await Assertions.Expect(grid).ToContainTextAsync("not costed");
        await Assertions.Expect(grid.Locator("tbody tr").First).ToContainTextAsync(eventsInScope.MaxBy(x => x.Value).Key);
        await lead.ShotAsync("49-steps");

        // Challenge: a generated question put to the team lead, and one of the lead's own.
        await lead.GoAsync($"/reviews/{review.Id}/challenge");
        var first = page.Locator("article.question").First;
        await first.Locator("summary").ClickAsync();
        await first.Locator("label", new() { HasText = "Tess Teamlead" }).Locator("input").CheckAsync();
        await first.Locator("text=Put it to them").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("put to Tess Teamlead");
        await page.SelectOptionAsync("#ask-step", step);
        await page.CheckAsync("input[name=ask-kind] >> nth=4");
        await Assertions.Expect(page.Locator("#ask-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("self-service"));
        await page.Locator("section[aria-labelledby=ask-heading] label", new() { HasText = "Tess Teamlead" }).Locator("input").CheckAsync();
        await page.ClickAsync("text=Ask the question");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("The question is asked");
        await lead.ShotAsync("50-challenge");
        Assert.Empty(lead.Violations);

        // The team lead finds both questions on My work and answers one in her own words.
        await using var tess = await UserSession.OpenAsync(browser.Chromium, app.Address);
        await tess.SignInAsync("tess", TessPassword);
        var waiting = tess.Page.Locator(".task-list li");
        await Assertions.Expect(waiting).ToHaveCountAsync(2);
        await tess.ShotAsync("51-home-teamlead");
        await tess.Page.Locator(".task-list a").First.ClickAsync();
        await tess.ReadyAsync();
        var mine = tess.Page.Locator("details.answer-own[open]").First;
        await mine.Locator("textarea").FillAsync("We could close these automatically after a week without reply.");
        await mine.Locator("text=Send my answer").ClickAsync();
        await Assertions.Expect(tess.Page.Locator(".alert-ok")).ToContainTextAsync("Your answer is recorded");
        await Assertions.Expect(tess.Page.Locator(".answer", new() { HasText = "close these automatically" })).ToContainTextAsync("Tess Teamlead, ");
        await Assertions.Expect(tess.Page.Locator(".answer", new() { HasText = "close these automatically" })).ToContainTextAsync("in their own words");
        await tess.ShotAsync("52-challenge-answered");
        Assert.Empty(tess.Violations);

        var answered = bench.Steps.Questions(leadActor, review.Id).Single(q => q.Value.Answers.Count > 0).Value.Answers.Single();
        Assert.False(answered.OnBehalf);
        Assert.Equal("Tess Teamlead", bench.Reviews.Stakeholders(leadActor, review.Id).Single(s => s.Value.Id == answered.StakeholderId).Value.Name);
    }

    private static string Labels(int n, string many) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + many;

    private static string FindRepository()
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
