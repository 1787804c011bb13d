using System.Text.RegularExpressions;
using System.Xml.Linq;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Mining;
using Xunit.Abstractions;

namespace Stepwise.Maps.Tests;

/// <summary>Maps made for a slide print their smallest text at 10 pt or more where shortening the text can do it,
/// without hiding a step: path counts lose their unit (the caption names it), a split box gives its share on its
/// count's line.</summary>
public sealed class SlideTextTests(ITestOutputHelper output)
{
    /// <summary>The help-desk cases ending with Closed (the demo's scope).</summary>
    private static LogView EndingWithClosed()
    {
        var log = RealLogs.Helpdesk;
        int closed = log.ActivityNames.ToList().IndexOf("Closed");
        return new LogView(log, null).Where(c => log.Activities[log.CaseEnd(c) - 1] == closed);
    }

    [Fact]
    public void Slide_DemoMap_PrintsAtTenPointsWithEveryStepAndPathShown()
    {
        var map = ProcessMap.Build(EndingWithClosed(), new MapOptions { ActivityPercent = 95, PathPercent = 80 });
        var drawing = MapDrawing.Create(map, new MapStyle { Fit = MapFit.Slide });
        double points = SmallestPoints(drawing);
        output.WriteLine($"{drawing.Layout.Direction}, text x{drawing.TextScale}, terse {drawing.Terse}: {points:F1} pt");
        Assert.True(points >= 10, $"the smallest text prints at {points:F1} pt");
        Assert.Equal(points, drawing.SmallestTextPoints, 1);

        // Nothing hidden to get there: every box and path of the map is drawn and labelled with its count.
        var svg = XDocument.Parse(SvgMap.Render(drawing));
        Assert.Equal(map.Nodes.Count, svg.Descendants().Count(e => e.Name.LocalName == "g" && ((string?)e.Attribute("class"))?.StartsWith("node", StringComparison.Ordinal) == true && e.Attribute("data-node") is not null));
        var labels = svg.Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("class") == "edge-label").Select(e => e.Value).ToList();
        Assert.Equal(map.Edges.Select(e => e.Cases.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), labels.Order(StringComparer.Ordinal));
        Assert.Contains(drawing.Caption, l => l.Contains("(path labels: the number of cases)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("responsible_section")]
    [InlineData("workgroup")]
    public void Slide_LanesWithAStepSharedByEveryTeam_PrintLargerThanWithFullText(string lanes)
    {
        // A shared step drawn in each team's lane: the share goes on the count's line, so every row is a line lower.
        var map = ProcessMap.Build(RealLogs.Helpdesk, new MapOptions { ActivityPercent = 95, PathPercent = 80, LaneAttribute = lanes });
        var drawing = MapDrawing.Create(map, new MapStyle { Fit = MapFit.Slide });
        output.WriteLine($"{lanes}: {drawing.Layout.Direction}, text x{drawing.TextScale}, terse {drawing.Terse}: {drawing.SmallestTextPoints:F1} pt");
        Assert.True(drawing.Terse);
        Assert.True(drawing.SmallestTextPoints >= 9, $"{drawing.SmallestTextPoints:F1} pt");
        foreach (var node in map.Nodes.Where(n => n.IsSplit))
        {
            var lines = drawing.NodeText[node.Id];
            Assert.DoesNotContain(lines, l => l.Kind == "lane");
            Assert.Matches(new Regex(@"^[\d,]+ cases?, \d+%$"), lines.Single(l => l.Kind == "metric").Text);
        }
    }

    [Fact]
    public void Slide_LargeEnoughWithFullText_KeepsIt()
    {
        var map = ProcessMap.Build(RealLogs.Bpic2013);
        var drawing = MapDrawing.Create(map, new MapStyle { Fit = MapFit.Slide });
        Assert.True(drawing.SmallestTextPoints >= 10);
        Assert.False(drawing.Terse);
        Assert.All(drawing.EdgeLabels.Where(l => l.Length > 0), l => Assert.EndsWith(l == "1 case" ? "case" : "cases", l, StringComparison.Ordinal));
    }

    private static double SmallestPoints(MapDrawing drawing)
    {
        var svg = XDocument.Parse(SvgMap.Render(drawing)).Root!;
        double inches = double.Parse(((string)svg.Attribute("width")!).Replace("in", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        double viewWidth = double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        var sizes = Regex.Matches(svg.ToString(), "font-size: ([0-9.]+)px").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        return sizes.Min() * (inches * 72 / viewWidth);
    }
}
