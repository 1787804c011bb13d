using Microsoft.Playwright;
using Stepwise.Review.Scoping;
using Stepwise.Review.Workspaces;
using Stepwise.Storage;
using Stepwise.Web.Tests;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.EndToEnd.Tests;

/// <summary>
/// A manager's review in the browser, as far as the use-case layer goes today: the first administrator, accounts,
/// a review with members and an accountable stakeholder, the stage stepper refusing moves that are not agreed and
/// saying who must act, the sponsor signing off for himself, the history, tokens and a quality review. A screenshot
/// of every page is saved under the test output (screenshots/).
/// </summary>
public sealed class ReviewJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private const string LeadPassword = "lead password 2026";
    private const string SamPassword = "sam password 2026";

    [SkippableFact]
    public async Task Review_FromFirstSignInToDecide_EveryStepThroughThePages()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        await using var lead = await UserSession.OpenAsync(browser.Chromium, app.Address);
        var page = lead.Page;

        // First run: the empty workspace asks for its administrator.
        await page.GotoAsync("/");
        await lead.ArrivedAsync("**/setup", "to the first administrator's form");
        await page.FillAsync("#name", "lead");
        await page.FillAsync("#display", "Improvement lead");
        await page.FillAsync("#password", LeadPassword);
        await page.FillAsync("#confirm", LeadPassword);
        await lead.ShotAsync("01-setup");
        await page.ClickAsync("button[type=submit]");
        await lead.ArrivedAsync(url => url.TrimEnd('/') == app.Address.ToString().TrimEnd('/'), "to My work");
        await lead.ReadyAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My work");
        await lead.ShotAsync("02-home-empty");

        // Accounts for the sponsor and a viewer.
        await lead.GoAsync("/admin/accounts");
        await AddAccountAsync(page, "sam", "Sam Sponsor", SamPassword);
        await AddAccountAsync(page, "val", "Val Viewer", "val password 2026");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Sam Sponsor");
        await lead.ShotAsync("03-accounts");

        // A process review, created from My work.
        await lead.GoAsync("/");
        await page.FillAsync("#title", "Help desk tickets");
        await page.FillAsync("#aims", "Resolve tickets faster without more staff");
        await page.ClickAsync("text=Create the review");
        await lead.ArrivedAsync("**/reviews/*", "to the new review");
        await lead.ReadyAsync();
        Guid reviewId = Guid.Parse(page.Url.Split('/')[^1]);
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Scope");
        await lead.ShotAsync("04-overview-scope");

        // Members: the sponsor approves, the viewer reads.
        await lead.GoAsync($"/reviews/{reviewId}/members");
        await page.SelectOptionAsync("#member-user", "sam");
        await page.SelectOptionAsync("#member-role", "approver");
        await page.ClickAsync("form >> text=Save");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("sam is now approver");
        await page.SelectOptionAsync("#member-user", "val");
        await page.SelectOptionAsync("#member-role", "viewer");
        await page.ClickAsync("form >> text=Save");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Val Viewer");
        await lead.ShotAsync("05-members");

        // The sponsor as the accountable stakeholder, bound to his account so he signs for himself.
        await lead.GoAsync($"/reviews/{reviewId}/scope");
        await page.FillAsync("#sh-name", "Sam Sponsor");
        await page.SelectOptionAsync("#sh-group", "senior-managers");
        await page.SelectOptionAsync("#sh-role", "accountable");
        await page.FillAsync("#sh-position", "Head of customer service");
        await page.SelectOptionAsync("#sh-account", "sam");
        await page.ClickAsync("text=Add the stakeholder");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Head of customer service");

        // The layer has no use case to write a scope yet (it is on its way); the test writes one through the domain.
        var workspace = new Workspace(app.Bench.Store, TimeProvider.System, new Version7Ids(TimeProvider.System));
        workspace.Save(reviewId, new Scope
        {
            Id = reviewId,
            Filter = new ScopeFilter { EndActivities = ["Closed"] },
            InScope = ["Tickets raised by customers through the portal, phone and e-mail"],
            Change = new ChangeParameters { AllowedChanges = [ChangeType.Automate, ChangeType.RemoveStep], BudgetCap = 25000m },
        }, 0, "Improvement lead");
        await lead.GoAsync($"/reviews/{reviewId}/scope");
        await Assertions.Expect(page.Locator("#scope-heading + p")).ToContainTextAsync("still needs the approval of Sam Sponsor");
        await lead.ShotAsync("06-scope-and-people");

        // Forward one stage at a time; Evaluate is refused until the scope is agreed, and the page says who must act.
        await lead.GoAsync($"/reviews/{reviewId}");
        await page.ClickAsync("text=Move to Analyse");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Analyse");
        await page.ClickAsync("text=Move to Challenge");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Challenge");
        await page.ClickAsync("text=Move to Evaluate");
        await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("before the scope is agreed");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("still needs the approval of Sam Sponsor");
        await lead.ShotAsync("07-overview-blocked");
        await lead.SignOutAsync();

        // The sponsor sees what waits for him and signs off for himself.
        await using var sam = await UserSession.OpenAsync(browser.Chromium, app.Address);
        // He signs in with the keyboard only: the page puts focus on its heading, the next Tab reaches the name.
        await sam.Page.GotoAsync("/signin");
        await sam.Page.WaitForFunctionAsync("document.activeElement && document.activeElement.tagName === 'H1'");
        await sam.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("name", await sam.Page.EvaluateAsync<string>("document.activeElement.id"));
        await sam.Page.Keyboard.TypeAsync("sam");
        await sam.Page.Keyboard.PressAsync("Tab");
        await sam.Page.Keyboard.TypeAsync(SamPassword);
        await sam.Page.Keyboard.PressAsync("Enter");
        await sam.ArrivedAsync(url => !url.Contains("/signin", StringComparison.Ordinal), "away from the sign-in page");
        await sam.ReadyAsync();
        var waiting = sam.Page.Locator(".task-list");
        await Assertions.Expect(waiting).ToContainTextAsync("Sign off the scope of “Help desk tickets” as Sam Sponsor");
        await sam.ShotAsync("08-home-sponsor");
        await sam.Page.ClickAsync(".task-list a");
        await sam.ReadyAsync();
        await sam.Page.CheckAsync("text=I approve this version");
        await sam.Page.ClickAsync("text=Record my decision");
        await Assertions.Expect(sam.Page.Locator(".alert-ok")).ToContainTextAsync("Your decision on version 1 of the scope is recorded");
        await Assertions.Expect(sam.Page.Locator("#sign table")).ToContainTextAsync("by themselves");
        await sam.ShotAsync("09-scope-signed-by-sponsor");

        // Back to the lead: Evaluate and Decide open; Implement waits for an agreed recommendation.
        await lead.SignInAsync("lead", LeadPassword);
        await lead.GoAsync($"/reviews/{reviewId}");
        await page.ClickAsync("text=Move to Evaluate");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Evaluate");
        await page.ClickAsync("text=Move to Decide");
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Decide");
        await page.ClickAsync("text=Move to Implement");
        await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("recommendation is agreed");
        await lead.ShotAsync("10-overview-decide");

        // The history, readable, filtered to one person.
        await lead.GoAsync($"/reviews/{reviewId}/history");
        await Assertions.Expect(page.Locator(".history")).ToContainTextAsync("from stage Evaluate to Decide");
        await page.SelectOptionAsync("#filter-person", "Sam Sponsor");
        await Assertions.Expect(page.Locator(".history-entry")).ToHaveCountAsync(1);
        await lead.ShotAsync("11-history-by-sponsor");
        await page.SelectOptionAsync("#filter-person", "");
        await lead.ShotAsync("12-history");

        // A personal access token for scripts: the secret is shown once.
        await lead.GoAsync("/account/tokens");
        await page.FillAsync("#token-name", "Nightly export");
        await page.FillAsync("#token-days", "90");
        await page.ClickAsync("text=Create the token");
        await Assertions.Expect(page.Locator("code.secret")).ToContainTextAsync("swt_");
        await lead.ShotAsync("13-tokens");

        // A quality review.
        await lead.GoAsync("/");
        await page.CheckAsync("text=A quality review");
        await page.Locator("#aims").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.FillAsync("#title", "Airline passenger survey");
        await page.ClickAsync("text=Create the review");
        await lead.ArrivedAsync("**/quality/*", "to the new quality review");
        await lead.ReadyAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Airline passenger survey");
        await lead.ShotAsync("14-quality-review");
        await lead.GoAsync("/");
        await lead.ShotAsync("15-home");

        Assert.Equal(Stepwise.Review.Reviews.Stage.Decide, app.Bench.Reviews.Get(app.Bench.Accounts.CommandLineUser("lead"), reviewId).Stage);
        Assert.Empty(lead.Violations.Concat(sam.Violations));
    }

    [SkippableFact]
    public async Task Viewer_ReadsEveryPage_SeesNoWayToChangeAnything()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Improvement lead", Password = LeadPassword });
        var lead = bench.Accounts.CommandLineUser("lead");
        bench.Accounts.CreateUser(lead, new NewUser { Name = "val", DisplayName = "Val Viewer", Password = "val password 2026" });
        var review = bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] });
        bench.Reviews.SetMember(lead, review.Id, new NewMember { User = "val", Role = "viewer" });
        bench.Reviews.SaveStakeholder(lead, review.Id, new NewStakeholder { Name = "Sam Sponsor", Group = "senior-managers", Role = "accountable" });
        new Workspace(bench.Store, TimeProvider.System, new Version7Ids(TimeProvider.System)).Save(review.Id, new Scope { Id = review.Id }, 0, "Improvement lead");
        await using var val = await UserSession.OpenAsync(browser.Chromium, app.Address);
        await val.SignInAsync("val", "val password 2026");

        await val.GoAsync($"/reviews/{review.Id}");
        await Assertions.Expect(val.Page.Locator("h1")).ToHaveTextAsync("Help desk tickets");
        await Assertions.Expect(val.Page.Locator("text=Only an owner of the review moves it")).ToBeVisibleAsync();
        await val.ShotAsync("20-viewer-overview");
        await val.GoAsync($"/reviews/{review.Id}/scope");
        await Assertions.Expect(val.Page.Locator("table")).ToContainTextAsync("Sam Sponsor");
        await val.ShotAsync("21-viewer-scope");
        await val.GoAsync($"/reviews/{review.Id}/members");
        await val.ShotAsync("22-viewer-members");
        await val.GoAsync($"/reviews/{review.Id}/history");
        await Assertions.Expect(val.Page.Locator(".history-entry").First).ToBeVisibleAsync();

        // No page of the review offers a change: no forms, no action buttons (only the sign-out form in the header).
        foreach (string path in new[] { $"/reviews/{review.Id}", $"/reviews/{review.Id}/scope", $"/reviews/{review.Id}/members", $"/reviews/{review.Id}/history" })
        {
            await val.GoAsync(path);
            Assert.Equal(0, await val.Page.Locator("main form").CountAsync());
            Assert.Equal(0, await val.Page.Locator("main button").CountAsync());
        }

        Assert.Empty(val.Violations);

        // The accounts page is for administrators only.
        await val.GoAsync("/admin/accounts");
        await Assertions.Expect(val.Page.Locator("main")).ToContainTextAsync("Only an administrator");
        Assert.Equal(0, await val.Page.Locator("main form").CountAsync());
    }

    [SkippableFact]
    public async Task TwoOwners_MoveTheSameReview_SecondIsToldWhoChangedWhatAndNothingIsLost()
    {
        Skip.If(Browser.Missing is not null, Browser.Missing);
        await using var app = await RunningApp.StartAsync();
        var bench = app.Bench;
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Improvement lead", Password = LeadPassword });
        var leadActor = bench.Accounts.CommandLineUser("lead");
        bench.Accounts.CreateUser(leadActor, new NewUser { Name = "ann", DisplayName = "Ann Analyst", Password = "ann password 2026" });
        var review = bench.Reviews.Create(leadActor, new NewReview { Title = "Complaints" });
        bench.Reviews.SetMember(leadActor, review.Id, new NewMember { User = "ann", Role = "owner" });
        new Workspace(bench.Store, TimeProvider.System, new Version7Ids(TimeProvider.System)).Save(review.Id, new Scope { Id = review.Id }, 0, "Improvement lead");
        await using var lead = await UserSession.OpenAsync(browser.Chromium, app.Address);
        await using var ann = await UserSession.OpenAsync(browser.Chromium, app.Address);
        await lead.SignInAsync("lead", LeadPassword);
        await ann.SignInAsync("ann", "ann password 2026");
        await lead.GoAsync($"/reviews/{review.Id}");
        await ann.GoAsync($"/reviews/{review.Id}");

        // Ann moves the review on twice while the lead's page still shows stage Scope.
        await ann.Page.ClickAsync("text=Move to Analyse");
        await Assertions.Expect(ann.Page.Locator("[aria-current=step]")).ToContainTextAsync("Analyse");
        await ann.Page.ClickAsync("text=Move to Challenge");
        await Assertions.Expect(ann.Page.Locator("[aria-current=step]")).ToContainTextAsync("Challenge");
        await lead.Page.ClickAsync("text=Move to Analyse");

        var alert = lead.Page.Locator(".alert-error");
        await Assertions.Expect(alert).ToContainTextAsync("Ann Analyst");
        await Assertions.Expect(alert).ToContainTextAsync("Stage");
        await Assertions.Expect(alert).ToContainTextAsync("Your change was not saved");
        await lead.ShotAsync("30-conflict");
        Assert.Equal(Stepwise.Review.Reviews.Stage.Challenge, bench.Reviews.Get(leadActor, review.Id).Stage);
    }

    private static async Task AddAccountAsync(IPage page, string name, string display, string password)
    {
        await page.FillAsync("#user-name", name);
        await page.FillAsync("#user-display", display);
        await page.FillAsync("#user-password", password);
        await page.ClickAsync("text=Add the account");
        await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"The account {name} is added");
    }
}
