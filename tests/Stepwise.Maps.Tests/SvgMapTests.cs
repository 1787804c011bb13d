using System.Xml;
using System.Xml.Linq;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;

namespace Stepwise.Maps.Tests;

public class SvgMapTests
{
    private static XDocument Parse(string svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        return XDocument.Load(reader);
    }

    [Theory]
    [InlineData(MapOverlay.Frequency, MapScheme.Light, null)]
    [InlineData(MapOverlay.Performance, MapScheme.Print, "org:group")]
    public void Render_SameLogTwice_ByteIdentical(MapOverlay overlay, MapScheme scheme, string? lanes)
    {
        var options = new MapOptions { ActivityPercent = 100, PathPercent = 70, LaneAttribute = lanes };
        var style = new MapStyle { Overlay = overlay, Scheme = scheme };
        var log = lanes is null ? RealLogs.Helpdesk : RealLogs.Bpic2013;

        string first = SvgMap.Render(ProcessMap.Build(log, options), style);
        string second = SvgMap.Render(ProcessMap.Build(log, options), style);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_NamesWithMarkup_AreEscapedText()
    {
        var log = SmallLogs.Of("<script>alert(1)</script>@a&b Check&Close@\"team\"", "<script>alert(1)</script>@a&b Check&Close@'x'");
        string svg = SvgMap.Render(ProcessMap.Build(log, new MapOptions { LaneAttribute = "team" }), new MapStyle { Title = "Q1 <draft> & \"final\"" });

        var doc = Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "script");
        var texts = doc.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("<script>alert(1)</script>", texts);
        Assert.Contains("Check&Close", texts);
        Assert.Contains("Q1 <draft> & \"final\"", texts);
        Assert.Contains("a&b", doc.Descendants(ns + "title").Select(t => t.Value).First(t => t.StartsWith("<script>alert(1)</script>: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_Helpdesk_StandsAloneWithStylesAndTitlesForScreenReaders()
    {
        var map = ProcessMap.Build(RealLogs.Helpdesk, new MapOptions { ActivityPercent = 80, PathPercent = 50 });
        string svg = SvgMap.Render(map, new MapStyle { Title = "helpdesk" });

        var doc = Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var root = doc.Root!;
        Assert.Equal("img", root.Attribute("role")?.Value);
        Assert.Equal("map-title map-desc", root.Attribute("aria-labelledby")?.Value);
        Assert.Equal("helpdesk", root.Element(ns + "title")?.Value);
        Assert.Contains("Process map of 4,580 cases", root.Element(ns + "desc")?.Value, StringComparison.Ordinal);
        Assert.NotNull(root.Element(ns + "style"));
        Assert.DoesNotContain("href", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", svg, StringComparison.Ordinal);

        // Every node and path has a title a screen reader (or a mouse-over) can give.
        Assert.Equal(map.Nodes.Count, doc.Descendants(ns + "g").Count(g => (string?)g.Attribute("class") is "node" or "node terminal" && g.Element(ns + "title") is not null));
        Assert.Equal(map.Edges.Count, doc.Descendants(ns + "g").Count(g => ((string?)g.Attribute("class"))?.StartsWith("edge", StringComparison.Ordinal) == true && g.Element(ns + "title") is not null));

        // The caption says what the simplified map hides.
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value.Contains($"shows {map.Coverage.ShownActivities} of 14 steps", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PrintScheme_UsesNoColourButGreys()
    {
        var map = ProcessMap.Build(RealLogs.Bpic2013, new MapOptions { LaneAttribute = "org:group" });
        string svg = SvgMap.Render(map, new MapStyle { Scheme = MapScheme.Print, Overlay = MapOverlay.Performance });

        var colours = System.Text.RegularExpressions.Regex.Matches(svg, "#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})").Select(m => m.Groups).ToList();
        Assert.NotEmpty(colours);
        Assert.All(colours, g => Assert.True(g[1].Value == g[2].Value && g[2].Value == g[3].Value, $"#{g[1]}{g[2]}{g[3]} is not a grey"));
        Assert.Contains("stroke-dasharray", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Helpdesk_EveryBoxAndPathCarriesItsIdsAndFiguresCountedFromTheLog()
    {
        var log = RealLogs.Helpdesk;
        var map = ProcessMap.Build(log);
        var doc = Parse(SvgMap.Render(map));
        XNamespace ns = "http://www.w3.org/2000/svg";

        // Counted straight from the log: events per step, and directly-follows pairs (with start and end).
        var events = new Dictionary<string, long>();
        var pairs = new Dictionary<(string, string), long>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            var acts = log.CaseActivities(c).ToArray().Select(a => log.ActivityNames[a]).ToList();
            string prev = "Start";
            foreach (var a in acts)
            {
                events[a] = events.GetValueOrDefault(a) + 1;
                pairs[(prev, a)] = pairs.GetValueOrDefault((prev, a)) + 1;
                prev = a;
            }

            pairs[(prev, "End")] = pairs.GetValueOrDefault((prev, "End")) + 1;
        }

        var nodes = doc.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") is "node" or "node terminal").ToList();
        Assert.Equal(map.Nodes.Count, nodes.Count);
        var nameOf = new Dictionary<string, string>();
        var keyOf = new Dictionary<string, string>();
        foreach (var g in nodes)
        {
            foreach (var attribute in new[] { "data-node", "data-kind", "data-key", "data-step", "data-name", "data-events", "data-cases", "data-flow-rank", "data-layer" })
            {
                Assert.False(string.IsNullOrEmpty((string?)g.Attribute(attribute)), $"a box lacks {attribute}");
            }

            string name = (string)g.Attribute("data-name")!;
            nameOf[(string)g.Attribute("data-node")!] = name;
            keyOf[(string)g.Attribute("data-node")!] = (string)g.Attribute("data-key")!;
            if ((string)g.Attribute("data-kind")! == "step")
            {
                Assert.Equal(events[name], long.Parse((string)g.Attribute("data-events")!, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(log.ActivityNames[int.Parse((string)g.Attribute("data-step")!, System.Globalization.CultureInfo.InvariantCulture)], name);
            }
        }

        var edges = doc.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains("edge") == true).ToList();
        Assert.Equal(pairs.Count, edges.Count);
        foreach (var g in edges)
        {
            string source = (string)g.Attribute("data-source")!, target = (string)g.Attribute("data-target")!;
            Assert.Equal(pairs[(nameOf[source], nameOf[target])], long.Parse((string)g.Attribute("data-frequency")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal($"{keyOf[source]}>{keyOf[target]}", (string)g.Attribute("data-path")!);
            bool timed = nameOf[source] != "Start" && nameOf[target] != "End";
            Assert.Equal(timed, g.Attribute("data-median-s") is not null);
            Assert.NotNull(g.Attribute("data-back"));
        }

        // The ids a web page keys on are the same on a simplified map of the log.
        var simplified = Parse(SvgMap.Render(ProcessMap.Build(log, new MapOptions { ActivityPercent = 95, PathPercent = 80 })));
        var keys = nodes.ToDictionary(g => (string)g.Attribute("data-key")!, g => (string)g.Attribute("data-name")!);
        foreach (var g in simplified.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") is "node" or "node terminal"))
        {
            Assert.Equal(keys[(string)g.Attribute("data-key")!], (string)g.Attribute("data-name")!);
        }
    }

    [Fact]
    public void Render_Lanes_BoxesCarryTheirLaneAndShare()
    {
        var map = ProcessMap.Build(RealLogs.Bpic2013, new MapOptions { LaneAttribute = "org:group" });
        var doc = Parse(SvgMap.Render(map));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.NotNull(doc.Root!.Attribute("data-lane-fit"));
        var steps = doc.Descendants(ns + "g").Where(g => (string?)g.Attribute("data-kind") == "step").ToList();
        Assert.All(steps, g => Assert.NotNull(g.Attribute("data-lane-share")));

        // The shares of a step's boxes are shares of one step: they add up to at most 1.
        foreach (var step in steps.GroupBy(g => (string)g.Attribute("data-step")!))
        {
            double total = step.Sum(g => double.Parse((string)g.Attribute("data-lane-share")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(total <= 1.0001, $"the lane shares of step {step.Key} add up to {total}");
        }

        Assert.Equal(map.Lanes.Count, doc.Descendants(ns + "g").Count(g => (string?)g.Attribute("class") == "lane" && g.Attribute("data-pooled") is not null));
    }

    [Theory]
    [InlineData(double.NaN, "n/a")]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(90, "1.5 min")]
    [InlineData(3 * 3600 + 30 * 60, "3.5 h")]
    [InlineData(2.25 * 86400, "2.3 d")]
    [InlineData(41 * 86400, "41 d")]
    public void Format_HandWorkedDurations(double seconds, string expected) => Assert.Equal(expected, DurationText.Format(seconds));
}
