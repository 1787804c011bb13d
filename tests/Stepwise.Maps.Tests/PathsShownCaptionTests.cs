using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;

namespace Stepwise.Maps.Tests;

/// <summary>
/// A simplified map's own caption (the SVG and PNG the command line and the reports write, not only the web page) says
/// why it shows the paths it does: the busiest that make up the share, those kept as a step's main way in or out
/// (<see cref="MapOptions.KeepStepPaths"/>), and those kept so that every step lies between start and end.
/// </summary>
public sealed class PathsShownCaptionTests
{
    // The traces of KeepStepPathsTests, worked by hand there: at 30% R>end and A>R make the share; the rule keeps
    // start>N, N>A and start>A; without it the repair adds start>N and N>A.
    private static readonly string[] Traces = ["N A R", "N A R", "N A R", "N A R", "A R", "A R", "A R", "N R"];

    private static string Caption(ProcessMap map) => string.Join(" ", MapDrawing.Create(map).Caption);

    [Fact]
    public void Caption_SaysHowManyPathsAreKeptForTheirStep()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces), new MapOptions { PathPercent = 30 });

        string caption = Caption(map);

        Assert.Contains("Paths shown: the 2 busiest, plus 3 kept as a step's main way in or out (its busiest, or one taken at least a third of the times).", caption, StringComparison.Ordinal);
        // The SVG's caption lines, as drawn.
        var svg = System.Xml.Linq.XDocument.Parse(SvgMap.Render(map));
        string drawn = string.Join(" ", svg.Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("class") == "caption").Select(e => e.Value));
        Assert.Contains("Paths shown: the 2 busiest, plus 3 kept as a step's main way in or out", drawn, StringComparison.Ordinal);
    }

    [Fact]
    public void Caption_RuleOff_SaysTheRepairAndThatMainWaysAreNotAdded()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces), new MapOptions { PathPercent = 30, KeepStepPaths = false });

        Assert.Equal("Paths shown: the 2 busiest, plus 2 kept so that every step shown lies between start and end; a step's main ways in and out are not added, so a step may look cut off from the flow that brings its cases.", MapDrawing.PathsShown(map));
        Assert.Contains(MapDrawing.PathsShown(map)!, Caption(map), StringComparison.Ordinal);
    }

    [Fact]
    public void Caption_NoPathHidden_SaysNothingOfKeptPaths()
    {
        var map = ProcessMap.Build(SmallLogs.Of(Traces));

        Assert.Null(MapDrawing.PathsShown(map));
        Assert.DoesNotContain("Paths shown:", Caption(map), StringComparison.Ordinal);
    }

    [Fact]
    public void Caption_IncidentLogAtThePagesDefaults_TwoBusiestAndEightForTheirStep()
    {
        // Counted from the CSV file by a separate script (rows per number, stable-sorted by sys_updated_at, the four
        // rarest states dropped, paths ordered by frequency, then the rule and the repair applied as documented): of 25
        // paths (165,419 moves) Closed>end 24,918 and Resolved>Closed 24,916 make 30%; the rule keeps start>New,
        // Active>Resolved, New>Active, start>Active, New>Resolved, Awaiting User Info>Resolved, Active>Awaiting User
        // Info and New>Awaiting User Info. Without it the repair keeps all of those but start>Active,
        // New>Resolved and New>Awaiting User Info.
        var options = new MapOptions { ActivityPercent = 99, PathPercent = 30 };

        var kept = ProcessMap.Build(RealLogs.Incidents, options);
        var off = ProcessMap.Build(RealLogs.Incidents, options with { KeepStepPaths = false });

        Assert.Contains("Paths shown: the 2 busiest, plus 8 kept as a step's main way in or out", Caption(kept), StringComparison.Ordinal);
        Assert.StartsWith("Paths shown: the 2 busiest, plus 5 kept so that every step shown lies between start and end;", MapDrawing.PathsShown(off), StringComparison.Ordinal);
    }
}
