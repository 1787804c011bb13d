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
