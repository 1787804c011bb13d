using System.Xml.Linq;
using Stepwise.Maps.Bpmn;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Mining;

namespace Stepwise.Maps.Tests;

/// <summary>Every map says what it is of: the number of cases drawn and the period of their events, after filters.</summary>
public sealed class MapPeriodTests
{
    private const string Expected = "Cases 3 \u00b7 events from 31 Mar 2010 to 22 May 2012";

    /// <summary>Four cases: the first starts on 31 Mar 2010, the third ends late on 22 May 2012 (UTC), the fourth (in
    /// 2013) is the one the filter drops.</summary>
    private static LogView Filtered()
    {
        var builder = new EventLogBuilder();
        builder.Add("c1", "Register", new DateTimeOffset(2010, 3, 31, 8, 15, 0, TimeSpan.Zero));
        builder.Add("c1", "Resolve", new DateTimeOffset(2010, 4, 2, 10, 0, 0, TimeSpan.Zero));
        builder.Add("c2", "Register", new DateTimeOffset(2011, 6, 1, 9, 0, 0, TimeSpan.Zero));
        builder.Add("c2", "Check", new DateTimeOffset(2011, 6, 3, 9, 0, 0, TimeSpan.Zero));
        builder.Add("c2", "Resolve", new DateTimeOffset(2011, 6, 5, 9, 0, 0, TimeSpan.Zero));
        builder.Add("c3", "Register", new DateTimeOffset(2012, 5, 20, 9, 0, 0, TimeSpan.Zero));
        builder.Add("c3", "Resolve", new DateTimeOffset(2012, 5, 22, 23, 30, 0, TimeSpan.Zero));
        builder.Add("c4", "Register", new DateTimeOffset(2013, 1, 7, 9, 0, 0, TimeSpan.Zero));
        builder.Add("c4", "Resolve", new DateTimeOffset(2013, 2, 7, 9, 0, 0, TimeSpan.Zero));
        var log = builder.Build();
        int c4 = log.CaseIds.ToList().IndexOf("c4");
        return new LogView(log, null).Where(c => c != c4);
    }

    [Fact]
    public void Build_FilteredView_PeriodIsTheFirstAndLastEventOfTheCasesLeft()
    {
        var map = ProcessMap.Build(Filtered());
        Assert.Equal(3, map.Coverage.Cases);
        Assert.Equal(new DateTime(2010, 3, 31, 8, 15, 0, DateTimeKind.Utc).Ticks, map.FirstEvent);
        Assert.Equal(new DateTime(2012, 5, 22, 23, 30, 0, DateTimeKind.Utc).Ticks, map.LastEvent);
        Assert.Equal(Expected, map.PeriodText);
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("slide", false)]
    [InlineData("a4", false)]
    [InlineData("none", true)]
    [InlineData("slide", true)]
    public void Render_EveryMap_CaptionStatesCasesAndPeriod(string fit, bool lanes)
    {
        // Simplified to the busiest step, the caption still gives every case's period: the cases are what it shows.
        var map = ProcessMap.Build(Filtered(), new MapOptions { ActivityPercent = 40 });
        var style = new MapStyle { Fit = fit switch { "slide" => MapFit.Slide, "a4" => MapFit.A4, _ => MapFit.None }, Title = "Incidents" };
        if (lanes)
        {
            map = ProcessMap.Build(WithTeams(), new MapOptions { LaneAttribute = "team" });
        }

        var drawing = MapDrawing.Create(map, style);
        string expected = lanes ? "Cases 2 \u00b7 events from 31 Mar 2010 to 2 Apr 2010" : Expected;
        Assert.Equal(expected + ".", drawing.Caption[0]);
        var svg = XDocument.Parse(SvgMap.Render(drawing));
        var captions = svg.Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("class") == "caption").Select(e => e.Value).ToList();
        Assert.Equal(expected + ".", captions[0]);
    }

    [Fact]
    public void Bpmn_ProcessDocumentationStatesCasesAndPeriod()
    {
        var xml = XDocument.Parse(BpmnExport.ToXml(ProcessMap.Build(Filtered()), "Incidents"));
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        var process = xml.Root!.Element(bpmn + "process")!;
        Assert.Equal(Expected + ".", process.Elements().First().Value);
        Assert.Equal(bpmn + "documentation", process.Elements().First().Name);
    }

    [Fact]
    public void Build_OneDay_PeriodIsThatDay()
    {
        var map = ProcessMap.Build(SmallLogs.Of("A B C"));
        Assert.Equal("Cases 1 \u00b7 events on 4 Mar 2024", map.PeriodText);
    }

    [Fact]
    public void Build_NoCases_SaysNoEvents()
    {
        var log = SmallLogs.Of("A B");
        var map = ProcessMap.Build(new LogView(log, null).Where(_ => false));
        Assert.Equal("Cases 0 \u00b7 no events", map.PeriodText);
        Assert.Equal("Cases 0 \u00b7 no events.", MapDrawing.Create(map).Caption[0]);
    }

    private static LogView WithTeams()
    {
        var builder = new EventLogBuilder();
        var team = (string t) => new[] { new KeyValuePair<string, object?>("team", t) };
        builder.Add("c1", "Register", new DateTimeOffset(2010, 3, 31, 8, 15, 0, TimeSpan.Zero), attributes: team("desk"));
        builder.Add("c1", "Resolve", new DateTimeOffset(2010, 4, 1, 10, 0, 0, TimeSpan.Zero), attributes: team("support"));
        builder.Add("c2", "Register", new DateTimeOffset(2010, 4, 1, 9, 0, 0, TimeSpan.Zero), attributes: team("desk"));
        builder.Add("c2", "Resolve", new DateTimeOffset(2010, 4, 2, 17, 0, 0, TimeSpan.Zero), attributes: team("support"));
        return builder.Build();
    }
}
