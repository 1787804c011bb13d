using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Xunit.Abstractions;

namespace Stepwise.Maps.Tests;

/// <summary>Maps of lanes on slides: split into parts of consecutive steps where the whole map would print under
/// 12 pt, every part printing at 12 pt or more, saying which part it is and where its paths go on; together the parts
/// draw every box with its count, every lane and every path.</summary>
public sealed class MapSlidesTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, double, string, MapOverlay> Maps => new()
    {
        { "helpdesk", 95, 80, "workgroup", MapOverlay.Performance },
        { "helpdesk", 95, 80, "responsible_section", MapOverlay.Frequency },
        { "helpdesk", 100, 60, "workgroup", MapOverlay.Frequency },
    };

    [Theory]
    [MemberData(nameof(Maps))]
    public void Slides_LanesMap_EveryPartAtTwelvePoints_TogetherEveryBoxLaneAndPath(string log, double activities, double paths, string lanes, MapOverlay overlay)
    {
        var map = ProcessMap.Build(RealLogs.Named(log), new MapOptions { ActivityPercent = activities, PathPercent = paths, LaneAttribute = lanes });
        var slides = MapSlides.Of(map, new MapStyle { Overlay = overlay });
        double whole = Points(XDocument.Parse(SvgMap.Render(slides.Whole)).Root!);
        output.WriteLine($"{log} {lanes}: whole map {whole:F1} pt, {Empty(slides.Whole):P0} of the slide's height empty; {slides.Parts.Count} parts");

        var boxes = new List<(string Name, long Events)>();
        var laneNames = new HashSet<string>(StringComparer.Ordinal);
        var svgs = new List<XElement>();
        foreach (var part in slides.Parts)
        {
            string text = SvgMap.Render(part.Drawing);
            string dir = Path.Combine(AppContext.BaseDirectory, "slides");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"{log}-{lanes}-{activities}-{paths}-part{part.Number}.svg"), text);
            var svg = XDocument.Parse(text).Root!;
            svgs.Add(svg);
            double points = Points(svg);
            output.WriteLine($"  part {part.Number} of {part.Of}: {points:F1} pt, {Empty(part.Drawing):P0} empty; steps {string.Join(", ", part.Steps)}; comes from {string.Join("; ", part.ComesFrom)}; goes on {string.Join("; ", part.GoesOn)}");
            Assert.True(points >= MapSlides.MinimumPoints, $"part {part.Number} prints at {points:F1} pt");
            Assert.Equal(slides.Parts.Count, part.Of);
            if (part.Of > 1)
            {
                Assert.Contains(part.Drawing.Caption, l => l.Contains($"Part {part.Number} of {part.Of}", StringComparison.Ordinal));
            }

            // The boxes of steps drawn, by name and count, from the SVG's data attributes; the lanes by their titles.
            boxes.AddRange(svg.Descendants().Where(e => (string?)e.Attribute("data-kind") == "step")
                .Select(e => ((string)e.Attribute("data-name")!, long.Parse((string)e.Attribute("data-events")!, CultureInfo.InvariantCulture))));
            laneNames.UnionWith(svg.Descendants().Where(e => e.Attribute("data-lane-name") is not null).Select(e => (string)e.Attribute("data-lane-name")!));
        }

        Assert.True(whole >= MapSlides.MinimumPoints || slides.Parts.Count > 1, $"the whole map prints at {whole:F1} pt and is not split");

        // Every box of the map once, with its count; every lane; every step named in the parts' lists.
        var expected = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => (n.Name, n.Events)).Order().ToList();
        Assert.Equal(expected, boxes.Order().ToList());
        Assert.True(map.Lanes.Select(l => l.Name).ToHashSet().SetEquals(laneNames), "the parts do not draw every lane");
        Assert.Equal(map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => n.Name).Distinct().Order(), slides.Parts.SelectMany(p => p.Steps).Distinct().Order());

        // Every path between two steps: inside one part, or named as going on from one part and coming into another.
        int PartOf(MapNode n) => slides.Parts.Single(p => p.Steps.Contains(n.Name)).Number;
        foreach (var edge in map.Edges.Where(e => e.Source >= 2 && e.Target >= 2))
        {
            var (a, b) = (map.Nodes[edge.Source], map.Nodes[edge.Target]);
            int pa = PartOf(a), pb = PartOf(b);
            if (pa == pb)
            {
                var inside = slides.Parts[pa - 1].Drawing.Map;
                Assert.Contains(inside.Edges, e => inside.Nodes[e.Source].Name == a.Name && inside.Nodes[e.Source].Events == a.Events
                    && inside.Nodes[e.Target].Name == b.Name && inside.Nodes[e.Target].Events == b.Events && e.Frequency == edge.Frequency);
            }
            else
            {
                Assert.Contains($"{a.Name} to {b.Name} (part {pb})", slides.Parts[pa - 1].GoesOn);
                Assert.Contains($"{a.Name} (part {pa}) to {b.Name}", slides.Parts[pb - 1].ComesFrom);
            }
        }
    }

    [Fact]
    public void Slides_SmallMapPrintingLargeEnough_StaysWhole()
    {
        var map = ProcessMap.Build(SmallLogs.Of("A@X B@Y", "A@X B@Y"), new MapOptions { LaneAttribute = "team" });
        var slides = MapSlides.Of(map);
        Assert.True(slides.Whole.SmallestTextPoints >= MapSlides.MinimumPoints, $"{slides.Whole.SmallestTextPoints:F1} pt");
        var only = Assert.Single(slides.Parts);
        Assert.Same(slides.Whole, only.Drawing);
        Assert.Equal(["A", "B"], only.Steps);
        Assert.DoesNotContain(only.Drawing.Caption, l => l.Contains("Part 1 of", StringComparison.Ordinal));
    }

    [Fact]
    public void Slides_LongChainOverTwoTeams_SplitIntoConsecutiveSteps_EachPartNamingWhereTheFlowGoesOn()
    {
        // Sixteen steps in a row, the teams taking turns: far too wide for one slide at 12 pt.
        string trace = string.Join(" ", Enumerable.Range(1, 16).Select(i => $"Step{i}@{(i % 2 == 0 ? "Back" : "Front")}"));
        var map = ProcessMap.Build(SmallLogs.Of(trace, trace, trace), new MapOptions { LaneAttribute = "team" });
        var slides = MapSlides.Of(map);
        output.WriteLine($"whole {slides.Whole.SmallestTextPoints:F1} pt; {slides.Parts.Count} parts: {string.Join(" | ", slides.Parts.Select(p => $"{p.Drawing.SmallestTextPoints:F1} pt {string.Join(",", p.Steps)}"))}");
        Assert.True(slides.Whole.SmallestTextPoints < MapSlides.MinimumPoints);
        Assert.True(slides.Parts.Count > 1);
        Assert.All(slides.Parts, p => Assert.True(p.Drawing.SmallestTextPoints >= MapSlides.MinimumPoints, $"part {p.Number}: {p.Drawing.SmallestTextPoints:F1} pt"));

        // The parts hold Step1 to Step16 in order, each a run of consecutive steps; each run's last step goes on to the
        // next run's first, named in both parts.
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"Step{i}"), slides.Parts.SelectMany(p => p.Steps));
        for (int p = 0; p + 1 < slides.Parts.Count; p++)
        {
            string last = slides.Parts[p].Steps[^1], next = slides.Parts[p + 1].Steps[0];
            Assert.Equal([$"{last} to {next} (part {p + 2})"], slides.Parts[p].GoesOn);
            Assert.Equal([$"{last} (part {p + 1}) to {next}"], slides.Parts[p + 1].ComesFrom);
            Assert.Equal($"To part {p + 2}", slides.Parts[p].Drawing.Map.Nodes[MapNode.EndId].Name);
            Assert.Equal($"From part {p + 1}", slides.Parts[p + 1].Drawing.Map.Nodes[MapNode.StartId].Name);
        }

        Assert.Equal("Start", slides.Parts[0].Drawing.Map.Nodes[MapNode.StartId].Name);
        Assert.Equal("End", slides.Parts[^1].Drawing.Map.Nodes[MapNode.EndId].Name);
        Assert.Equal(["Back", "Front"], slides.Parts.SelectMany(p => p.Lanes).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The smallest text of an SVG in points at its printed size (its width in inches over its view box).</summary>
    private static double Points(XElement svg)
    {
        double inches = double.Parse(((string)svg.Attribute("width")!).Replace("in", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        double viewWidth = double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], CultureInfo.InvariantCulture);
        return Regex.Matches(svg.ToString(), "font-size: ?([0-9.]+)px").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Min() * (inches * 72 / viewWidth);
    }

    /// <summary>The share of the slide's height left empty above and below the content.</summary>
    private static double Empty(MapDrawing drawing) => 2 * drawing.ContentOffset.Y / drawing.Height;
}
