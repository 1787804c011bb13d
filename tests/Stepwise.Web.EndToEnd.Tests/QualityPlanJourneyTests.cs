using System.Globalization;
using Microsoft.Playwright;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Sampling;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// A quality review in the browser on the real airline surveys, page by page: the measurement plan (a feature, a measure
/// with its target, a revision, the sponsor's approval on his behalf), the sample size, a sample drawn from the 25,976
/// passengers and the complete answers checked against them, the results against targets with the drivers and
/// segments, the British Airways reviews for the comments and the trend, findings and an agreed action with its
/// progress, and a briefing; then a viewer, who reads every page and is offered no form. Every page is shot; the
/// figures asserted are worked out here from the files themselves.
/// </summary>
public sealed class QualityPlanJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private const string TestSplit = "surveys/airline_passenger_satisfaction_kaggle_test.csv";

    private const string BaReviews = "surveys/BA_AirlineReviews.csv";

    [SkippableFact]
    public async Task QualityReview_EveryPageOnTheAirlineSurveys_ThroughTheBrowser()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        string passengers = DataPath(TestSplit);
        string reviews = DataPath(BaReviews);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Quality lead", Password = "lead password 2026" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Airline passenger survey", Quality = true }).Id;
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable" });
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Cabin crew representative", Group = "front-line-staff", Role = "consulted" });

        await using var session = await UserSession.OpenAsync(browser.Chromium, app.Address);
        var page = session.Page;
        page.SetDefaultTimeout(60_000);
        await session.SignInAsync("lead", "lead password 2026");

        // The plan: a feature, a share target written as a percentage, and a revision of it.
        await session.GoAsync($"/quality/{id}/plan");
        await page.FillAsync("#feature-name", "Inflight wifi <service>");
        await page.FillAsync("#feature-why", "The weakest driver of satisfaction last year");
        await page.ClickAsync("text=Save the feature");
        await Assertions.Expect(page.Locator("#features")).ToContainTextAsync("Inflight wifi <service>");

        await page.FillAsync("#measure-metric", "Wifi satisfaction");
        await page.SelectOptionAsync("#measure-feature", "Inflight wifi <service>");
        await page.SelectOptionAsync("#measure-statistic", "top2");
        await page.FillAsync("#measure-column", "Inflight wifi service");
        await page.FillAsync("#measure-target", ">=60%");
        await page.ClickAsync("text=Save the measure");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Measure “Wifi satisfaction” is saved");
        await Assertions.Expect(page.Locator("#measures")).ToContainTextAsync("≥ 60%");

        await page.SelectOptionAsync("#rev-reason", "target-changed");
        await page.FillAsync("#rev-explanation", "The new provider is installed on half of the fleet only");
        await page.FillAsync("#rev-target", ">=45%");
        await page.ClickAsync("text=Record the revision");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("revision of “Wifi satisfaction” is recorded");
        await Assertions.Expect(page.Locator("#revisions")).ToContainTextAsync("Target changed");
        await Assertions.Expect(page.Locator("#revisions")).ToContainTextAsync("The new provider is installed on half of the fleet only");
        await Assertions.Expect(page.Locator("#revisions")).ToContainTextAsync("Target: ≥ 60% → ≥ 45%");
        await Assertions.Expect(page.Locator("#measures")).ToContainTextAsync("≥ 45%");
        await Assertions.Expect(page.Locator("#measures")).Not.ToContainTextAsync("0.45");

        await page.ClickAsync("text=Record someone else's decision on their behalf");
        await page.SelectOptionAsync("#qplan-proxy-who", "Sam Sponsor");
        await page.FillAsync("#qplan-proxy-why", "Approved in the steering meeting of 4 March");
        await page.ClickAsync("text=Record on their behalf");
        await Assertions.Expect(page.Locator(".signoffs table")).ToContainTextAsync("on their behalf by Quality lead: Approved in the steering meeting of 4 March");
        await Assertions.Expect(page.Locator(".signoffs > p").First).ToContainTextAsync("agreed by every accountable stakeholder");
        await session.ShotAsync("50-quality-plan");
        var plan = bench.Quality.Plan(lead, id).Value;
        Assert.Equal(0.45, Assert.Single(plan.MeasurementPlan).Target, 9);

        // Two more measures, as the demo plans them, so the results have shares and a mean against their targets.
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Satisfied passengers", Statistic = "csat", Column = "satisfaction", Method = "survey", Target = ">=50%", Frequency = "quarterly" });
        bench.Quality.SaveMeasure(lead, id, new MeasureRequest { Metric = "Online boarding score", Statistic = "mean", Column = "Online boarding", Method = "survey", Target = ">=3.5", Frequency = "monthly" });

        // Samples: the size for ±3 points at 95% in 25,976 passengers with a quarter answering, worked by hand from
        // Cochran's formula: n0 = 1.96² × 0.25 / 0.03² = 1,067.07; n = n0 / (1 + (n0 - 1) / 25,976) = 1,025.005, so 1,026
        // responses, and 1,026 / 0.25 = 4,104 invitations.
        await session.GoAsync($"/quality/{id}/samples");
        await page.FillAsync("#size-margin", "3");
        await page.FillAsync("#size-population", "25976");
        await page.FillAsync("#size-rate", "25");
        await page.ClickAsync("#size-form button[type=submit]");
        await Assertions.Expect(page.Locator("#size-result")).ToContainTextAsync("1,026 responses needed");
        await Assertions.Expect(page.Locator("#size-result")).ToContainTextAsync("4,104 people or cases to invite");

        await page.ChooseFileAsync("#population-file", passengers);
        await Assertions.Expect(page.Locator("#draw-form")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.FillAsync("#draw-name", "Test split by class");
        await page.SelectOptionAsync("#draw-metric", "Satisfied passengers");
        await page.SelectOptionAsync("#draw-id", "id");
        await page.FillAsync("#draw-size", "1000");
        await page.FillAsync("#draw-seed", "7");
        await page.Locator("#draw-strata label", new() { HasText = "Class" }).Locator("input").CheckAsync();
        // Matched on Class by design, so tested on another attribute.
        await page.Locator("#draw-check-on label", new() { HasText = "Customer Type" }).Locator("input").CheckAsync();
        await page.ClickAsync("#draw-form button[type=submit]");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Sample “Test split by class” is drawn: 1,000 of 25,976 units", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#sample-0")).ToContainTextAsync("representative on Customer Type");

        // The complete answers of the units drawn (every item answered, 0 meaning not answered), checked on three
        // attributes; the response rate is counted here from the file.
        var drawn = Samples.Draw(passengers, new SampleDrawRequest { Id = "id", Strata = ["Class"], Size = 1000, Seed = 7 });
        var (complete, header) = CompleteAnswers(passengers, drawn.UnitIds.ToHashSet(StringComparer.Ordinal));
        await page.ChooseFileAsync("#check-population", passengers);
        await Assertions.Expect(page.Locator("#check-form")).ToContainTextAsync("airline_passenger_satisfaction_kaggle_test.csv", new() { Timeout = 60_000 });
        await page.ChooseFileAsync("#check-file", new FilePayload { Name = "complete-answers.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", complete) + "\n") });
        await Assertions.Expect(page.Locator("#check-form")).ToContainTextAsync("complete-answers.csv", new() { Timeout = 60_000 });
        await page.FillAsync("#check-attributes", "Class, Type of Travel, Customer Type");
        await page.ClickAsync("#check-form button[type=submit]");
        string rate = (complete.Count / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"The {complete.Count:N0} responses to “Test split by class” are checked: a response rate of {rate}", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#sample-0")).ToContainTextAsync("Check of the responses: complete-answers.csv");
        await Assertions.Expect(page.Locator("#sample-0")).ToContainTextAsync("Customer Type: responses against the population");
        await session.ShotAsync("51-quality-samples");

        // Results: the passengers against the plan, then the British Airways reviews (comments, dates, names).
        await session.GoAsync($"/quality/{id}/results");
        await page.ChooseFileAsync("#feedback-file", passengers);
        await Assertions.Expect(page.Locator("#analyse-form")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.FillAsync("#analysis-title", "Passenger survey, test split");
        await page.SelectOptionAsync("#analysis-sample", "Test split by class");
        await page.FillAsync("#analysis-na", "0");
        await page.ClickAsync("#analyse-form button[type=submit]");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("“Passenger survey, test split” is analysed: 25,976 responses", new() { Timeout = 300_000 });
        var (satisfied, answered) = Satisfied(passengers);
        string share = (100.0 * satisfied / answered).ToString("N1", CultureInfo.InvariantCulture) + "%";
        var results = page.Locator("#results");
        await Assertions.Expect(results.Locator("tr", new() { HasText = "Satisfied passengers" })).ToContainTextAsync(share);
        await Assertions.Expect(results.Locator("tr", new() { HasText = "Satisfied passengers" })).ToContainTextAsync("≥ 50%");
        await Assertions.Expect(results.Locator("tr", new() { HasText = "Online boarding score" })).ToContainTextAsync("≥ 3.5");
        await Assertions.Expect(page.Locator("#drivers")).ToContainTextAsync("Online boarding");
        // The drivers' rows are numbered as the grid numbers its points: 1 the most important (online boarding).
        await Assertions.Expect(page.Locator("#drivers thead th").First).ToHaveTextAsync("No.");
        await Assertions.Expect(page.Locator("#drivers tbody tr").First.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#drivers tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync("Online boarding");
        await Assertions.Expect(page.Locator("#segments")).ToContainTextAsync("Business");
        await Assertions.Expect(page.Locator("#trend-heading + p")).ToContainTextAsync("no dates");
        await session.ShotAsync("52-quality-results");

        await page.ClickAsync("#analyse-panel > summary");
        await page.ChooseFileAsync("#feedback-file", reviews);
        await Assertions.Expect(page.Locator("#analyse-form")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.FillAsync("#analysis-title", "British Airways reviews");
        await page.ClickAsync("#analyse-form button[type=submit]");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("“British Airways reviews” is analysed: 3,701 responses", new() { Timeout = 300_000 });
        await Assertions.Expect(page.Locator("#unmeasured")).ToContainTextAsync("Satisfied passengers");
        await Assertions.Expect(page.Locator("#trend-heading ~ figure")).ToHaveCountAsync(1);
        await session.ShotAsync("53-quality-results-reviews");

        // Comments: themes with quotes; no reviewer's full name appears in any quote.
        await session.GoAsync($"/quality/{id}/comments");
        await Assertions.Expect(page.Locator("#themes tbody tr").First).ToBeVisibleAsync();
        var quotes = await page.Locator("blockquote.quote p").AllInnerTextsAsync();
        Assert.NotEmpty(quotes);
        var names = ReviewerNames(reviews);
        var leaked = quotes.SelectMany(q => names.Where(n => q.Contains(n, StringComparison.Ordinal)).Select(n => $"{n} in “{q}”")).ToList();
        Assert.True(leaked.Count == 0, string.Join('\n', leaked));
        await session.ShotAsync("54-quality-comments");

        // Findings and actions: what the passenger analysis shows, one finding by hand, an action answering them, progress.
        await session.GoAsync($"/quality/{id}/findings");
        await page.SelectOptionAsync("#from-analysis", "Passenger survey, test split");
        await page.ClickAsync("#from-analysis-form button[type=submit]");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("of “Passenger survey, test split” recorded");
        await Assertions.Expect(page.Locator("#findings")).ToContainTextAsync("Wifi satisfaction");
        await page.FillAsync("#finding-subject", "Wifi log-in");
        await page.FillAsync("#finding-summary", "Cabin crew report that passengers give up on the wifi log-in page <before paying>");
        await page.FillAsync("#finding-evidence", "Crew briefing notes, March");
        await page.ClickAsync("#finding-form button[type=submit]");
        await Assertions.Expect(page.Locator("#findings")).ToContainTextAsync("give up on the wifi log-in page <before paying>");
        await page.FillAsync("#action-title", "Simplify the wifi log-in");
        await page.FillAsync("#action-owner", "Inflight product manager");
        await page.FillAsync("#action-due", "2024-09-30");
        await page.FillAsync("#action-measure", "Wifi top-2-box at 45% or more next quarter");
        await page.Locator("#action-findings label", new() { HasText = "Wifi log-in" }).Locator("input").CheckAsync();
        await page.Locator("#action-findings label", new() { HasText = "Wifi satisfaction" }).First.Locator("input").CheckAsync();
        await page.ClickAsync("#action-form button[type=submit]");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Action “Simplify the wifi log-in” is agreed, owned by Inflight product manager, due 30 Sep 2024");
        await page.SelectOptionAsync("#progress-status", "in-progress");
        await page.FillAsync("#progress-note", "Provider asked for a one-page log-in");
        await page.ClickAsync("#progress-form button[type=submit]");
        var action = page.Locator("#actions tr", new() { HasText = "Simplify the wifi log-in" });
        await Assertions.Expect(action).ToContainTextAsync("In progress");
        await Assertions.Expect(action).ToContainTextAsync("Provider asked for a one-page log-in");
        await Assertions.Expect(action).ToContainTextAsync("overdue");
        await Assertions.Expect(action).ToContainTextAsync("not yet");
        // The sponsor's approval of the action, recorded on his behalf on the version shown.
        await page.ClickAsync("#action-0-signoffs > summary");
        await page.ClickAsync("#action-0-signoffs >> text=Record someone else's decision on their behalf");
        await page.SelectOptionAsync("#action-0-proxy-who", "Sam Sponsor");
        await page.FillAsync("#action-0-proxy-why", "Agreed at the quality board of 9 April");
        await page.ClickAsync("#action-0-signoffs >> text=Record on their behalf");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("Sam Sponsor's decision on action “Simplify the wifi log-in” is recorded on their behalf");
        await Assertions.Expect(action).ToContainTextAsync("yes");
        await page.ClickAsync("#action-0-signoffs > summary");
        await Assertions.Expect(page.Locator("#action-0-signoffs table")).ToContainTextAsync("on their behalf by Quality lead: Agreed at the quality board of 9 April");
        await session.ShotAsync("55-quality-findings");

        // Communication: a briefing of the senior managers with the results given; the reports page is one click away.
        await session.GoAsync($"/quality/{id}/communication");
        await Assertions.Expect(page.Locator("#audiences tr", new() { HasText = "Front line staff" })).ToContainTextAsync("not briefed yet");
        await page.SelectOptionAsync("#briefing-audience", "senior-managers");
        await page.FillAsync("#briefing-recipients", "Executive team");
        await page.FillAsync("#briefing-channel", "report");
        await page.FillAsync("#briefing-at", "2024-04-08");
        await page.FillAsync("#briefing-message", "Fewer passengers are satisfied than the target; wifi misses its target");
        await page.Locator("#briefing-given label", new() { HasText = "Analysis: Passenger survey, test split" }).Locator("input").CheckAsync();
        await page.Locator("#briefing-given label", new() { HasText = "Action: Simplify the wifi log-in" }).Locator("input").CheckAsync();
        await page.ClickAsync("#briefing-form button[type=submit]");
        await Assertions.Expect(page.Locator("#briefings")).ToContainTextAsync("Executive team");
        await Assertions.Expect(page.Locator("#briefings")).ToContainTextAsync("Passenger survey, test split");
        await Assertions.Expect(page.Locator("#audiences tr", new() { HasText = "Senior managers" })).ToContainTextAsync("8 Apr 2024");
        await session.ShotAsync("56-quality-communication");
        await page.ClickAsync("text=Reports for each audience");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reports");
        await session.ShotAsync("57-quality-reports");

        // The overview: where the review stands, stage by stage.
        await session.GoAsync($"/quality/{id}");
        var stands = page.Locator("#stands");
        await Assertions.Expect(stands).ToContainTextAsync("Test split by class: 1,000 of 25,976 units, not representative on Customer Type");
        await Assertions.Expect(stands).ToContainTextAsync("“Passenger survey, test split”, 25,976 responses: 0 targets met, 3 missed, 0 not yet decided");
        await Assertions.Expect(stands).ToContainTextAsync("1 action (0 done, 1 overdue)");
        await Assertions.Expect(stands).ToContainTextAsync("1 briefing to senior managers");
        await session.ShotAsync("49-quality-overview");

        // A viewer reads every page and is offered nothing that changes the review.
        bench.Accounts.CreateUser(lead, new NewUser { Name = "vera", DisplayName = "Vera Viewer", Password = "viewer password 2026" });
        bench.Reviews.SetMember(lead, id, new NewMember { User = "vera", Role = "viewer" });
        await using var viewer = await UserSession.OpenAsync(browser.Chromium, app.Address);
        viewer.Page.SetDefaultTimeout(60_000);
        await viewer.SignInAsync("vera", "viewer password 2026");
        foreach (var (path, shown) in new[] { ("samples", "#sample-0"), ("results", "#drivers"), ("comments", "#themes"), ("findings", "#findings"), ("communication", "#briefings") })
        {
            await viewer.GoAsync($"/quality/{id}/{path}");
            await Assertions.Expect(viewer.Page.Locator(shown)).ToBeVisibleAsync();
            // The size calculator changes nothing, so a viewer may use it; no other form is offered.
            Assert.Equal(0, await viewer.Page.Locator("main form:not(#size-form), main input[type=file]").CountAsync());
        }

        await viewer.ShotAsync("58-quality-communication-viewer");
        var violations = session.Violations.Concat(viewer.Violations).ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    // The shared dataset, or the copy bundled in samples/ (the test split is bundled; the reviews are not).
    private static string DataPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
            {
                string shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
                string bundled = Path.Combine(dir.FullName, "samples", Path.GetFileName(relative));
                return File.Exists(shared) ? shared : File.Exists(bundled) ? bundled : throw new FileNotFoundException($"Dataset {relative} not found at {shared}.");
            }
        }

        throw new DirectoryNotFoundException("The repository root (Stepwise.slnx) is not above the test output.");
    }

    // Passengers answering satisfied, of all passengers: counted from the file's last column.
    private static (int Satisfied, int Answered) Satisfied(string path)
    {
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',')[^1].Trim()).Where(v => v.Length > 0).ToList();
        return (rows.Count(v => v == "satisfied"), rows.Count);
    }

    // The rows of the drawn passengers who answered all 14 items (columns 9 to 22, 0 meaning not answered).
    private static (List<string> Rows, string Header) CompleteAnswers(string path, HashSet<string> drawn)
    {
        var lines = File.ReadAllLines(path);
        var rows = lines.Skip(1).Where(l =>
        {
            var f = l.Split(',');
            return drawn.Contains(f[1]) && f[8..22].All(v => v != "0");
        }).ToList();
        return (rows, lines[0]);
    }

    // Reviewers' names of two words or more (the Name column), which the quotes must not show.
    private static HashSet<string> ReviewerNames(string path)
    {
        using var reader = new StreamReader(path);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var header = Fields(reader);
        int column = header!.IndexOf("Name");
        while (Fields(reader) is { } row)
        {
            if (column < row.Count && row[column].Trim() is { } name && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
            {
                names.Add(name);
            }
        }

        return names;
    }

    // One CSV record (quoted fields may hold commas, doubled quotes and line breaks).
    private static List<string>? Fields(StreamReader reader)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        while (reader.Read() is int c and >= 0)
        {
            char ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                break;
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
