using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Steps.Scorecard;
using Stepwise.Testing;
using Stepwise.Web.Api.Uploads;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Components.Steps;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Steps page works out the scorecard in the background: it opens with a progress bar, fills in the steps when the
/// scorecard is ready, and a later visit to the same data and scope gets the kept scorecard; a new scope version is
/// worked out afresh.
/// </summary>
public sealed class ReviewStepsPageTests
{
    [Fact]
    public void Page_ScorecardWorkedOutInTheBackground_ThenKeptForTheNextVisit()
    {
        var (bench, lead, id) = HelpdeskReview();
        var runs = new ScorecardRuns();
        using (var first = Context(bench, lead, runs))
        {
            var page = first.Render<ReviewSteps>(p => p.Add(m => m.ReviewId, id));

            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.scorecard tbody tr")), TimeSpan.FromMinutes(2));
            // The help-desk log's 14 activities (published with the data), one row each.
            Assert.Equal(14, page.FindAll("table.scorecard tbody tr").Count);
            Assert.Empty(page.FindAll("#scorecard-progress"));
        }

        using var second = Context(bench, lead, runs);
        var again = second.Render<ReviewSteps>(p => p.Add(m => m.ReviewId, id));

        // Kept: shown in the first render, with no progress bar.
        Assert.Equal(14, again.FindAll("table.scorecard tbody tr").Count);
        Assert.Empty(again.FindAll("#scorecard-progress"));
    }

    [Fact]
    public async Task Runs_SameKey_OneComputation_OtherScopeVersion_Another_FailedRunRetried()
    {
        var runs = new ScorecardRuns();
        var review = Guid.NewGuid();
        var source = Guid.NewGuid();
        int calls = 0;
        var gate = new ManualResetEventSlim();
        Analysis<StepScorecard> Work(IProgress<double> progress)
        {
            Interlocked.Increment(ref calls);
            gate.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("the log cannot be read");
        }

        var a = runs.For(new ScorecardKey(review, source, 1), Work);
        var b = runs.For(new ScorecardKey(review, source, 1), Work);
        var c = runs.For(new ScorecardKey(review, source, 2), Work);
        gate.Set();
        await Assert.ThrowsAsync<InvalidOperationException>(() => a.Task);
        await Assert.ThrowsAsync<InvalidOperationException>(() => c.Task);
        var retried = runs.For(new ScorecardKey(review, source, 1), Work);
        await Assert.ThrowsAsync<InvalidOperationException>(() => retried.Task);

        Assert.Same(a, b);
        Assert.NotSame(a, c);
        Assert.NotSame(a, retried);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Runs_PastCapacity_TheLeastRecentlyUsedIsDropped()
    {
        var runs = new ScorecardRuns();
        var review = Guid.NewGuid();
        var source = Guid.NewGuid();
        var blocked = new TaskCompletionSource<Analysis<StepScorecard>>();
        Analysis<StepScorecard> Work(IProgress<double> progress) => blocked.Task.Result;
        var first = runs.For(new ScorecardKey(review, source, 0), Work);
        for (int v = 1; v <= ScorecardRuns.Capacity; v++)
        {
            runs.For(new ScorecardKey(review, source, v), Work);
        }

        var again = runs.For(new ScorecardKey(review, source, 0), Work);
        var kept = runs.For(new ScorecardKey(review, source, ScorecardRuns.Capacity), Work);
        blocked.SetException(new InvalidOperationException("stop"));

        Assert.NotSame(first, again);
        Assert.Equal(new ScorecardKey(review, source, ScorecardRuns.Capacity), kept.Key);
    }

    [Fact]
    public void Pages_HandoversCountedBetweenTheChosenAttribute_InTheColumnAndOnTheStepPage()
    {
        // Three cases A, B, C. By person B is handed over in 2 of 3 cases and C in 1 of 3; by team (org:group) it is
        // the other way round: B in 1 of 3 (case 3), C in 2 of 3 (cases 1 and 2).
        var (bench, lead, id) = Review(TeamLog);
        using var context = Context(bench, lead, new ScorecardRuns());
        var nav = context.Services.GetRequiredService<NavigationManager>();
        void Open(string? name, string? handover) => nav.NavigateTo(nav.GetUriWithQueryParameters(new Dictionary<string, object?> { ["name"] = name, ["handover"] = handover }));
        Open(null, "org:group");
        var page = context.Render<ReviewSteps>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.scorecard tbody tr")), TimeSpan.FromMinutes(2));

        Assert.Contains("Handed over between org:group", page.Find("table.scorecard thead").TextContent, StringComparison.Ordinal);
        string Row(string step) => page.FindAll("table.scorecard tbody tr").Single(r => r.QuerySelector("a")!.TextContent == step).TextContent;
        Assert.Contains("33.3%", Row("B"), StringComparison.Ordinal);
        Assert.Contains("66.7%", Row("C"), StringComparison.Ordinal);
        Assert.Contains("handover=org%3Agroup", page.FindAll("table.scorecard tbody a").First().GetAttribute("href"), StringComparison.Ordinal);

        Open("B", "org:group");
        var step = context.Render<ReviewStep>(p => p.Add(m => m.ReviewId, id));
        Assert.Equal("33.3%", step.Find("[data-figure=handed-over]").TextContent);
        Assert.StartsWith("1 of 3 instances came from another org:group", step.Find("[data-figure=handovers]").TextContent, StringComparison.Ordinal);

        Open("B", null);
        var byPerson = context.Render<ReviewStep>(p => p.Add(m => m.ReviewId, id));
        Assert.Equal("66.7%", byPerson.Find("[data-figure=handed-over]").TextContent);
        Assert.StartsWith("2 of 3 instances came from another person", byPerson.Find("[data-figure=handovers]").TextContent, StringComparison.Ordinal);
    }

    private const string TeamLog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1.0">
          <trace><string key="concept:name" value="1"/>
            <event><string key="concept:name" value="A"/><string key="org:resource" value="r1"/><string key="org:group" value="g1"/><date key="time:timestamp" value="2026-01-05T09:00:00.000+00:00"/></event>
            <event><string key="concept:name" value="B"/><string key="org:resource" value="r2"/><string key="org:group" value="g1"/><date key="time:timestamp" value="2026-01-05T10:00:00.000+00:00"/></event>
            <event><string key="concept:name" value="C"/><string key="org:resource" value="r3"/><string key="org:group" value="g2"/><date key="time:timestamp" value="2026-01-05T11:00:00.000+00:00"/></event>
          </trace>
          <trace><string key="concept:name" value="2"/>
            <event><string key="concept:name" value="A"/><string key="org:resource" value="r1"/><string key="org:group" value="g1"/><date key="time:timestamp" value="2026-01-06T09:00:00.000+00:00"/></event>
            <event><string key="concept:name" value="B"/><string key="org:resource" value="r2"/><string key="org:group" value="g1"/><date key="time:timestamp" value="2026-01-06T10:00:00.000+00:00"/></event>
            <event><string key="concept:name" value="C"/><string key="org:resource" value="r2"/><string key="org:group" value="g2"/><date key="time:timestamp" value="2026-01-06T11:00:00.000+00:00"/></event>
          </trace>
          <trace><string key="concept:name" value="3"/>
            <event><string key="concept:name" value="A"/><string key="org:resource" value="r1"/><string key="org:group" value="g1"/><date key="time:timestamp" value="2026-01-07T09:00:00.000+00:00"/></event>
            <event><string key="concept:name" value="B"/><string key="org:resource" value="r1"/><string key="org:group" value="g2"/><date key="time:timestamp" value="2026-01-07T10:00:00.000+00:00"/></event>
            <event><string key="concept:name" value="C"/><string key="org:resource" value="r1"/><string key="org:group" value="g2"/><date key="time:timestamp" value="2026-01-07T11:00:00.000+00:00"/></event>
          </trace>
        </log>
        """;

    private static (Workbench.Workbench Bench, Actor Lead, Guid Review) Review(string xes)
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Teams" }).Id;
        string path = Path.Combine(Path.GetTempPath(), $"stepwise-teams-{Guid.NewGuid():N}.xes");
        File.WriteAllText(path, xes);
        try
        {
            bench.Data.Import(lead, id, new ImportRequest { Path = path });
        }
        finally
        {
            File.Delete(path);
        }

        return (bench, lead, id);
    }

    private static (Workbench.Workbench Bench, Actor Lead, Guid Review) HelpdeskReview()
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk" }).Id;
        bench.Data.Import(lead, id, new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        return (bench, lead, id);
    }

    private static BunitContext Context(Workbench.Workbench bench, Actor actor, ScorecardRuns runs)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddLogging();
        context.Services.AddSingleton(bench);
        context.Services.AddSingleton(runs);
        context.Services.AddSingleton(new UploadLimits());
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(ActorPrincipal.From(actor)));
        context.Services.AddScoped<SignedInUser>();
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
