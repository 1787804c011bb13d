using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Logs;

namespace Stepwise.Web.Tests;

/// <summary>The ServiceNow incident log, imported once as a customer-service manager would (case number, state,
/// sys_updated_at read day first, assignment group as the resource), for the Analyse page tests below.</summary>
public sealed class IncidentReview
{
    /// <summary>Imports the log into a new review.</summary>
    public IncidentReview()
    {
        (Bench, Lead, Id) = PageContext.NewReview();
        Bench.Data.Import(Lead, Id, new ImportRequest
        {
            Path = SharedData.PathOf("eventlogs/incident_event_log.csv.zip"),
            Read = new LogReadRequest { Case = "number", Activity = "incident_state", Timestamp = "sys_updated_at", TimestampFormat = "dmy", Resource = "assignment_group" },
        });
    }

    /// <summary>The workbench.</summary>
    public Workbench.Workbench Bench { get; }

    /// <summary>The review's lead.</summary>
    public Actor Lead { get; }

    /// <summary>The review.</summary>
    public Guid Id { get; }
}

/// <summary>
/// The Analyse page on the incident log: the default map keeps the main ways into and out of every step and says which
/// paths it keeps for that reason; it says, only when steps are hidden, that their detours are counted on the paths
/// around them; and the hand-overs can be counted between the values of any attribute that changes within cases, the
/// choice kept in the address. Expected figures were counted from the CSV file by a separate script (rows per number,
/// stable-sorted by sys_updated_at; "?" is no value), not by the code under test.
/// </summary>
public sealed class AnalyseMapAndHandoverChoiceTests(IncidentReview incidents) : IClassFixture<IncidentReview>
{
    private BunitContext Interactive()
    {
        var context = PageContext.For(incidents.Bench, incidents.Lead);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    [Fact]
    public void DefaultMap_ShowsHowMostActiveCasesArrive_AndSaysWhichPathsAreKeptForTheirStep()
    {
        using var context = Interactive();

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, incidents.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".map-view svg")));

        // 6,503 incidents start in Active (26% of them; 41% of the ways into Active): drawn, at the default 30%.
        Assert.Equal("30", page.Find("#m-paths").GetAttribute("value"));
        var titles = page.FindAll(".map-view svg g.edge title").Select(t => t.TextContent).ToList();
        Assert.Contains(titles, t => t.StartsWith("Start → Active: 6,503 cases", StringComparison.Ordinal));
        string kept = page.Find("#map-kept-paths").TextContent;
        Assert.Contains("The 30% of the transitions alone would show 2 paths.", kept, StringComparison.Ordinal);
        Assert.Contains("each shown step's main ways in and out", kept, StringComparison.Ordinal);
        Assert.Contains("8 paths more, the busiest Start → New (16,397 cases);", kept, StringComparison.Ordinal);
        Assert.Contains("; and 3 less travelled.", kept, StringComparison.Ordinal);
        Assert.Contains("Start → Active (6,503 cases)", kept, StringComparison.Ordinal);
        Assert.Contains("New → Resolved (6,455 cases)", kept, StringComparison.Ordinal);

        // At 100% every path is shown for the share: nothing to explain.
        page.Find("#m-paths").Change("100");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#map-kept-paths")));
    }

    [Fact]
    public void HiddenSteps_ThePageSaysTheirDetoursAreCountedOnThePathsAroundThem_OnlyWhileTheyAreHidden()
    {
        using var context = Interactive();

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, incidents.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".map-view svg")));

        // 99% of the events: Awaiting Vendor, Awaiting Problem, Awaiting Evidence and -100 are hidden; 512 incidents go
        // through one of them, 529 of the 165,419 moves between the shown states are such detours, 218 of them (in 218
        // incidents) on Active → Resolved, which carries 12,131 incidents.
        string note = page.Find("#map-folded-note").TextContent;
        Assert.Contains("The map hides 4 steps", note, StringComparison.Ordinal);
        Assert.Contains("512 cases go through a hidden step", note, StringComparison.Ordinal);
        Assert.Contains("529 of the 165,419 moves", note, StringComparison.Ordinal);
        Assert.Contains("Active → Resolved (218 cases of its 12,131 through hidden steps)", note, StringComparison.Ordinal);
        page.FindAll(".view-switch button").Single(b => b.TextContent == "Paths").Click();
        Assert.Contains("hides 4 steps and draws the 512 cases going through them", page.Find("#paths-folded-note").TextContent, StringComparison.Ordinal);

        // Every state shown: the map's paths are the log's own, and neither note is shown.
        page.Find("#m-activities").Change("100");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#map-folded-note")));
        Assert.Empty(page.FindAll("#paths-folded-note"));
    }

    [Fact]
    public void Handovers_ChoosingAnotherAttribute_RecomputesTheTableAndPingPong_AndPutsTheChoiceInTheAddress()
    {
        using var context = Interactive();
        var nav = context.Services.GetRequiredService<NavigationManager>();
        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, incidents.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".view-switch button")));

        page.FindAll(".view-switch button").Single(b => b.TextContent == "Hand-overs").Click();

        // By the resource (the assignment group): 101,409 moves between groups, 17,914 of them hand-overs in 9,224
        // incidents, 1,963 bouncing (bench/engine/independent_check.py); Group 20 to Group 70 the most frequent (1,080).
        string figures = page.Find("#handover-figures").TextContent;
        Assert.Contains("101,409 transitions between resource values; 17,914 hand-overs in 9,224 cases, 1,963 cases bouncing", figures, StringComparison.Ordinal);
        Assert.Equal(["Group 20", "Group 70", "1,080"], FirstRow(page, "Hand-overs").Take(3));
        Assert.Equal("org:resource", page.Find("#h-by").GetAttribute("value"));
        var choices = page.FindAll("#h-by option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("assigned_to", choices);
        Assert.Contains("sys_updated_by", choices);
        Assert.DoesNotContain("incident_state", choices);
        Assert.DoesNotContain("number", choices);

        page.Find("#h-by").Change("assigned_to");

        // By the resolver assigned: 87,698 moves, 2,941 hand-overs in 1,957 incidents, 560 bouncing (repeats of one
        // resolver taken as one, an event without a resolver breaking the chain: bench/engine/independent_check.py's
        // rule); Resolver 13 to Resolver 17 the most frequent (36); Resolver 217 and 89 the most frequent ping-pong
        // (29 times, 29 incidents).
        page.WaitForAssertion(() => Assert.Contains("87,698 transitions between assigned_to values; 2,941 hand-overs in 1,957 cases, 560 cases bouncing", page.Find("#handover-figures").TextContent, StringComparison.Ordinal));
        Assert.Equal(["Resolver 13", "Resolver 17", "36"], FirstRow(page, "Hand-overs").Take(3));
        Assert.Equal(["Resolver 217", "Resolver 89", "29", "29"], FirstRow(page, "Ping-pong"));
        Assert.Equal("by=assigned_to", new Uri(nav.Uri).Query.TrimStart('?'));

        // Back to the resource: the address loses the choice.
        page.Find("#h-by").Change("org:resource");
        page.WaitForAssertion(() => Assert.Contains("17,914 hand-overs", page.Find("#handover-figures").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("by=", nav.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Handovers_ALinkWithAnAttribute_OpensTheHandoversByIt()
    {
        using var context = Interactive();
        var nav = context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("by", "assigned_to"));

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, incidents.Id));

        page.WaitForAssertion(() => Assert.Contains("2,941 hand-overs in 1,957 cases", page.Find("#handover-figures").TextContent, StringComparison.Ordinal));
        Assert.Equal("true", page.FindAll(".view-switch button").Single(b => b.TextContent == "Hand-overs").GetAttribute("aria-pressed"));
        Assert.Equal("assigned_to", page.Find("#h-by").GetAttribute("value"));
    }

    [Fact]
    public void Handovers_ALinkWithAnAttributeTheLogLacks_SaysSoAndNamesTheAttributesItHas()
    {
        using var context = Interactive();
        var nav = context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("by", "<b>team</b>"));

        var page = context.Render<ReviewAnalyse>(p => p.Add(m => m.ReviewId, incidents.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#h-by")));
        Assert.Empty(page.FindAll("#handover-figures"));
        Assert.Empty(page.FindAll("b"));
        string note = page.Find("#h-by").ParentElement!.NextElementSibling!.TextContent;
        Assert.Contains("the log has no attribute '<b>team</b>'", note, StringComparison.Ordinal);
        Assert.Contains("assigned_to", note, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("#h-by option"), o => o.GetAttribute("value") == "<b>team</b>");
    }

    private static List<string> FirstRow(IRenderedComponent<ReviewAnalyse> page, string table)
        => [.. page.Find($"table[aria-label={table}] tbody tr").QuerySelectorAll("td").Select(td => td.TextContent)];
}
