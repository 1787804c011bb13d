using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Components.Pages;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Monitoring;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Tests;

/// <summary>
/// A monitored change of the real help-desk log (a volume that fell, neither better nor worse) as the Overview and the
/// Monitor pages put it: the tally of the verdicts counts every KPI of the table, and the volume says what period its
/// cases arrive in.
/// </summary>
public sealed class MonitoredChangeWordsTests
{
    private static readonly Lazy<(Workbench.Workbench Bench, Actor Lead, Guid Review)> Monitored = new(MonitorHelpdesk);

    [Fact]
    public void Overview_TallyOfVerdicts_CountsEveryKpiOfTheTable()
    {
        var (bench, lead, id) = Monitored.Value;
        var run = bench.Monitoring.Latest(lead, id)!.Value;
        Assert.Contains(run.Kpis, k => k.Verdict is ChangeVerdict.Increased or ChangeVerdict.Decreased);
        using var context = PageContext.For(bench, lead);

        var page = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#overview-verdicts tbody tr")));

        string sentence = page.Find("#overview-verdicts").PreviousElementSibling!.TextContent;
        string tally = sentence[(sentence.IndexOf(':', StringComparison.Ordinal) + 1)..];
        int counted = Regex.Matches(tally, @"(\d+) (KPIs? )?(improved|worse|increased|decreased|with no detectable change|undecided|not measured)").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(page.FindAll("#overview-verdicts tbody tr").Count, counted);
        Assert.Equal(run.Kpis.Count, counted);
        var volume = run.Kpis.Single(k => k.Key == "volume");
        Assert.Contains($"1 {MonitoringWords.Verdict(volume.Verdict)}", tally, StringComparison.Ordinal);
    }

    [Fact]
    public void VolumeRows_OnBothPages_SayTheWeekTheCasesArriveIn()
    {
        var (bench, lead, id) = Monitored.Value;
        var volume = bench.Monitoring.Latest(lead, id)!.Value.Kpis.Single(k => k.Key == "volume");
        using var context = PageContext.For(bench, lead);

        var overview = context.Render<ReviewOverview>(p => p.Add(m => m.ReviewId, id));
        overview.WaitForAssertion(() => Assert.NotEmpty(overview.FindAll("#overview-verdicts tbody tr")));
        var row = overview.FindAll("#overview-verdicts tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == volume.Name);
        Assert.Equal($"{MonitoringWords.Value(volume.Before, "cases_per_interval")} a week", row.QuerySelectorAll("td")[0].TextContent.Trim());

        var monitor = context.Render<ReviewMonitor>(p => p.Add(m => m.ReviewId, id));
        monitor.WaitForAssertion(() => Assert.NotEmpty(monitor.FindAll("#monitor-kpis tbody tr")));
        var cells = monitor.FindAll("#monitor-kpis tbody tr").Single(r => r.QuerySelector("th")!.TextContent.StartsWith(volume.Name, StringComparison.Ordinal)).QuerySelectorAll("td");
        Assert.All(cells.Take(4), c => Assert.EndsWith(" a week", c.TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("Holm's method across", monitor.Markup, StringComparison.Ordinal);
    }

    private static (Workbench.Workbench Bench, Actor Lead, Guid Review) MonitorHelpdesk()
    {
        var (bench, lead, id) = PageContext.HelpdeskAtImplement();
        bench.Monitoring.Monitor(lead, id, new ChangeMonitoringRequest { ChangeDate = "2012-06-01", SettlingIn = "14d" });
        return (bench, lead, id);
    }
}
