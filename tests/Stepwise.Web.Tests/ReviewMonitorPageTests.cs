using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Security;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// The Monitor page of a review of the real help-desk log at stage Implement: before any run it says so and offers the
/// form; the button monitors the change on the stored data, and the page then shows the KPIs with their verdicts in
/// plain words (the same figures the layer stored), the conformance of the removed step and the control charts.
/// </summary>
public sealed class ReviewMonitorPageTests
{
    [Fact]
    public void MonitorButton_OnStoredData_ShowsKpisVerdictsConformanceAndCharts()
    {
        var (bench, lead, id) = PageContext.HelpdeskAtImplement();

        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewMonitor>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.Contains("Not monitored yet", page.Markup, StringComparison.Ordinal));

        page.Find("#monitor-change").Change("2012-06-01");
        page.Find("#monitor-settling").Change("14d");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#monitor-kpis tbody tr")), TimeSpan.FromMinutes(2));
        var run = bench.Monitoring.Latest(lead, id)!.Value;
        var rows = page.FindAll("#monitor-kpis tbody tr");
        Assert.Equal(run.Kpis.Count, rows.Count);
        var rework = run.Kpis.Single(k => k.Key == "rework_rate");
        var row = rows.Single(r => r.QuerySelector("th")!.TextContent.StartsWith(rework.Name, StringComparison.Ordinal));
        Assert.Contains(Workbench.Monitoring.MonitoringWords.Sentence(rework), row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Workbench.Monitoring.MonitoringWords.Value(rework.After, "share"), row.TextContent, StringComparison.Ordinal);
        // A KPI whose own interval leaves out zero but whose verdict is no clear change is called so, never "no
        // detectable change" beside an interval without zero (the rule itself: MonitoringWordsTests).
        foreach (var k in run.Kpis)
        {
            var kpiRow = rows.Single(r => r.QuerySelector("th")!.TextContent.TrimEnd(' ', '★') == k.Name);
            bool apart = k.Verdict is ChangeVerdict.NoDetectableChange or ChangeVerdict.Undecided && k.Low is { } lo && k.High is { } hi && (lo > 0 || hi < 0);
            Assert.Equal(apart, kpiRow.TextContent.Contains($"not clear allowing for {run.Tested} KPIs", StringComparison.Ordinal));
        }
        var conformance = page.Find("#monitor-conformance tbody tr");
        Assert.Contains("Wait", conformance.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{run.Conformance[0].AfterBreaking:N0} of {run.Conformance[0].AfterCases:N0}", conformance.TextContent, StringComparison.Ordinal);
        // One control chart at a time, chosen by KPI.
        Assert.Equal(run.Trends.Count, page.FindAll("#chart-choice option").Count);
        Assert.Single(page.FindAll("figure.chart svg"));
        page.Find("#chart-choice").Change("1");
        Assert.Contains(run.Trends[1].Name, page.Find("figure.chart .chart-title").TextContent, StringComparison.Ordinal);
        Assert.Contains("helpdesk.xes.gz", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void HandOverAttribute_OfferedAsOnTheAnalysePage_UsedByHandOversAndPingPong_AndKeptWithTheRun()
    {
        var (bench, lead, id) = PageContext.HelpdeskAtImplement();
        var opened = bench.Analyses.Open(lead, id, new Workbench.Analyses.AnalysisRequest());
        var standIns = Mining.Discovery.HandoverNetwork.StandIns(opened.Selection.View).Select(s => s.Attribute).Where(a => a != "org:resource").ToList();

        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewMonitor>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.Contains("Not monitored yet", page.Markup, StringComparison.Ordinal));
        var offered = page.FindAll("#monitor-handover option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["org:resource", .. standIns], offered);
        Assert.Equal("org:resource", page.Find("#monitor-handover").GetAttribute("value"));

        string chosen = offered[^1]!;
        page.Find("#monitor-change").Change("2012-06-01");
        page.Find("#monitor-handover").Change(chosen);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#monitor-kpis tbody tr")), TimeSpan.FromMinutes(2));
        var run = bench.Monitoring.Latest(lead, id)!.Value;
        Assert.Equal(chosen, run.Settings.HandoverBy);
        var ping = run.Kpis.Single(k => k.Key == "ping_pong_rate");
        Assert.Contains(page.FindAll("#monitor-kpis tbody tr"), r => r.QuerySelector("th")!.TextContent.StartsWith(ping.Name, StringComparison.Ordinal));
        Assert.Equal(chosen, page.Find("#monitor-handover").GetAttribute("value"));
    }

    [Fact]
    public void ForecastTable_NotesSharedByRows_SaidOnceUnderTheTableAndPointedToByNumber()
    {
        var (bench, lead, id) = PageContext.HelpdeskAtImplement(simulated: true);
        bench.Monitoring.Monitor(lead, id, new Workbench.Monitoring.ChangeMonitoringRequest { ChangeDate = "2012-06-01", SettlingIn = "14d", Resamples = 1000 });
        var run = bench.Monitoring.Latest(lead, id)!.Value;
        var notes = run.Forecasts.Select(f => f.Note).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Assert.True(run.Forecasts.Count(f => f.Note is not null) > notes.Count, "some rows of the forecast table share a note");

        using var context = PageContext.For(bench, lead);
        var page = context.Render<ReviewMonitor>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#monitor-forecast tbody tr")));

        var table = page.Find("#monitor-forecast");
        bool shared = notes.Count == 1 && run.Forecasts.All(f => f.Note is not null);
        if (shared)
        {
            Assert.Equal($"Every row: {notes[0]}.", page.Find("#monitor-forecast-notes").TextContent.Trim());
            Assert.Empty(table.QuerySelectorAll("sup.note-marker"));
        }
        else
        {
            Assert.Equal(notes, page.FindAll("#monitor-forecast-notes li").Select(li => li.TextContent.Trim()));
        }

        foreach (string note in notes)
        {
            // Each note once on the page, none in the table's rows.
            Assert.Equal(1, Occurrences(page.Find("#forecast-heading").ParentElement!.TextContent, note));
            Assert.DoesNotContain(note, table.TextContent, StringComparison.Ordinal);
        }

        var rows = page.FindAll("#monitor-forecast tbody tr");
        Assert.Equal(run.Forecasts.Count, rows.Count);
        for (int i = 0; i < rows.Count && !shared; i++)
        {
            var marker = rows[i].QuerySelector("sup.note-marker a");
            if (run.Forecasts[i].Note is not { } note)
            {
                Assert.Null(marker);
                continue;
            }

            // The row's number leads to its own note.
            Assert.NotNull(marker);
            string target = marker.GetAttribute("href")!.TrimStart('#');
            Assert.Equal(note, page.Find($"#{target}").TextContent.Trim());
            Assert.Equal((notes.IndexOf(note) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), marker.TextContent.Trim());
        }
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
