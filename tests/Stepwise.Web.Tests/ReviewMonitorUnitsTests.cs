using System.Text.RegularExpressions;
using Bunit;
using Stepwise.Web.Components.Pages;
using Stepwise.Workbench.Monitoring;

namespace Stepwise.Web.Tests;

/// <summary>
/// A figure and its interval are written in one unit, that of the largest magnitude among them: "−1.9 d (−3.3 d to
/// −0.4 d)", never "−44.9 h (−3.3 d to −9.9 h)"; on the Monitor page, every duration row of the forecast table and the
/// change and interval of each KPI.
/// </summary>
public sealed partial class ReviewMonitorUnitsTests
{
    [Fact]
    public void Words_FigureAndInterval_InTheUnitOfTheLargest()
    {
        double low = -3.3 * 86400, high = -9.9 * 3600, figure = -44.9 * 3600;
        double largest = MonitoringWords.Largest(figure, low, high);

        Assert.Equal(3.3 * 86400, largest, 6);
        Assert.Equal("−1.9 d", MonitoringWords.Change(figure, "seconds", largest));
        Assert.Equal("−3.3 d to −0.4 d", MonitoringWords.Interval(low, high, "seconds", largest));
        // Below two hours everything reads in minutes; a tiny figure beside days keeps its size visible.
        Assert.Equal("+90.0 min", MonitoringWords.Change(5400, "seconds", MonitoringWords.Largest(5400, 600)));
        Assert.Equal("+0.007 d", MonitoringWords.Change(600, "seconds", 3 * 86400));
        // Shares and other units read as before.
        Assert.Equal("+2.0 pp", MonitoringWords.Change(0.02, "share", 0.5));
        Assert.Equal(0, MonitoringWords.Largest(null, double.NaN));
    }

    [Fact]
    public void MonitorPage_EachDurationRow_OneUnit()
    {
        var (bench, lead, id) = PageContext.HelpdeskAtImplement(simulated: true);
        bench.Monitoring.Monitor(lead, id, new ChangeMonitoringRequest { ChangeDate = "2012-06-01", SettlingIn = "14d", Resamples = 1000 });
        using var context = PageContext.For(bench, lead);

        var page = context.Render<ReviewMonitor>(p => p.Add(m => m.ReviewId, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#monitor-forecast tbody tr")));
        int durations = 0;
        foreach (var row in page.FindAll("#monitor-forecast tbody tr"))
        {
            var cells = row.QuerySelectorAll("td.num").Select(c => c.TextContent).ToList();
            var units = cells.SelectMany(c => DurationUnit().Matches(c).Select(m => m.Groups[1].Value)).Distinct().ToList();
            Assert.True(units.Count <= 1, $"{row.TextContent.Trim()}: a forecast, what happened and its interval in {string.Join(" and ", units)}");
            durations += units.Count;
        }

        Assert.True(durations > 0, "the forecast table has a duration row");
        foreach (var row in page.FindAll("#monitor-kpis tbody tr"))
        {
            var cells = row.QuerySelectorAll("td.num").Select(c => c.TextContent).ToList();
            var change = cells[2] + " " + cells[3];
            Assert.True(DurationUnit().Matches(change).Select(m => m.Groups[1].Value).Distinct().Count() <= 1, $"{row.TextContent.Trim()}: the change and its interval in one unit");
        }
    }

    [GeneratedRegex(@"\d (d|h|min)\b")]
    private static partial Regex DurationUnit();
}
