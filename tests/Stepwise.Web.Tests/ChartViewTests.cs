using Bunit;
using Stepwise.Charts;
using Stepwise.Web.Components.Shared;

namespace Stepwise.Web.Tests;

public sealed class ChartViewTests
{
    private static Figure Waiting() => new BarChart
    {
        Title = "Median waiting before each step",
        Value = Measure.Duration("Median waiting", TimeUnit.Hours),
        Bars = [new Bar("Take in charge <ticket>", 2.5), new Bar("Resolve ticket", 30)],
    }.Render(ChartSize.Screen, "waiting");

    [Fact]
    public void Render_ByDefault_ShowsTheSvgWithItsAccessibleNameAndATableToggle()
    {
        using var context = new BunitContext();

        var view = context.Render<ChartView>(p => p.Add(c => c.Figure, Waiting()));

        var svg = view.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("Take in charge &lt;ticket&gt;", view.Markup, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("table"));
        Assert.Equal("false", view.Find("button").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Toggle_Clicked_ShowsTheSameDataAsATableWithUnits()
    {
        using var context = new BunitContext();
        var view = context.Render<ChartView>(p => p.Add(c => c.Figure, Waiting()));

        view.Find("button").Click();

        Assert.Empty(view.FindAll("svg"));
        var rows = view.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Take in charge <ticket>", rows[0][0]);
        Assert.Equal("30.0 h", rows[1][1]);
        Assert.Equal("true", view.Find("button").GetAttribute("aria-pressed"));
        Assert.Contains("Median waiting (hours)", view.Find("thead").TextContent, StringComparison.Ordinal);
    }
}
