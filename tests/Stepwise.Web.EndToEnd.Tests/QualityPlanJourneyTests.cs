using Microsoft.Playwright;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// A quality review's measurement plan in the browser: a feature, a measure with its target, a revision that keeps
/// the target before and after with its reason, and the sponsor's approval recorded on his behalf with the reason.
/// </summary>
public sealed class QualityPlanJourneyTests(Browser browser) : IClassFixture<Browser>
{
    [SkippableFact]
    public async Task QualityPlan_FeatureMeasureRevisionAndSignOff_ThroughThePage()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Quality lead", Password = "lead password 2026" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Airline passenger survey", Quality = true }).Id;
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable" });

        await using var session = await UserSession.OpenAsync(browser.Chromium, app.Address);
        var page = session.Page;
        page.SetDefaultTimeout(60_000);
        await session.SignInAsync("lead", "lead password 2026");
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
        await Assertions.Expect(page.Locator("#measures")).ToContainTextAsync("≥ 0.6");

        await page.SelectOptionAsync("#rev-reason", "target-changed");
        await page.FillAsync("#rev-explanation", "The new provider is installed on half of the fleet only");
        await page.FillAsync("#rev-target", ">=45%");
        await page.ClickAsync("text=Record the revision");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("revision of “Wifi satisfaction” is recorded");
        await Assertions.Expect(page.Locator("#revisions")).ToContainTextAsync("Target changed");
        await Assertions.Expect(page.Locator("#revisions")).ToContainTextAsync("The new provider is installed on half of the fleet only");
        await Assertions.Expect(page.Locator("#measures")).ToContainTextAsync("≥ 0.45");

        await page.ClickAsync("text=Record someone else's decision on their behalf");
        await page.SelectOptionAsync("#qplan-proxy-who", "Sam Sponsor");
        await page.FillAsync("#qplan-proxy-why", "Approved in the steering meeting of 4 March");
        await page.ClickAsync("text=Record on their behalf");
        await Assertions.Expect(page.Locator(".signoffs table")).ToContainTextAsync("on their behalf by Quality lead: Approved in the steering meeting of 4 March");
        await Assertions.Expect(page.Locator(".signoffs > p").First).ToContainTextAsync("agreed by every accountable stakeholder");
        await session.ShotAsync("50-quality-plan");
        var plan = bench.Quality.Plan(lead, id).Value;
        Assert.Equal(0.45, Assert.Single(plan.MeasurementPlan).Target, 9);
        var violations = session.Violations;
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }
}
