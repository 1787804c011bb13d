using System.Text.RegularExpressions;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;

namespace Stepwise.Maps.Tests;

/// <summary>A dashed path between lanes means work passed to another team; a path that only crosses lanes because a
/// shared step is drawn in another team's lane stays solid.</summary>
public sealed partial class HandoverDashTests
{
    [Fact]
    public void Render_PathCrossingLanesMostlyWithinOneTeam_IsSolid_AndTheCaptionCountsHandOvers()
    {
        // A is done by X three times and by Y twice: at a 50% split it is drawn only in X's lane. B is always Y's, C
        // always X's. The path A>B carries 3 transitions: case 1 passes work from X to Y (a hand-over), cases 2 and 3
        // stay with Y (their A is drawn in X's lane). A>C carries 2, both within X. Hand-overs: 1 of 5.
        string[] traces = ["A@X B@Y", "A@Y B@Y", "A@Y B@Y", "A@X C@X", "A@X C@X"];
        var map = ProcessMap.Build(SmallLogs.Of(traces), new MapOptions { LaneAttribute = "team", LaneSplitShare = 0.5 });
        string svg = SvgMap.Render(map);

        var edges = EdgePattern().Matches(svg).Select(m => (Frequency: long.Parse(m.Groups[1].Value), Handovers: long.Parse(m.Groups[2].Value), Dashed: m.Groups[3].Value == "true")).ToList();
        Assert.Contains((3L, 1L, false), edges);
        Assert.DoesNotContain(edges, e => e.Dashed);
        Assert.Contains("hand-overs: 1 of the 5 transitions between the steps shown", Regex.Replace(svg, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PathMostlyPassingWorkToAnotherTeam_IsDashed()
    {
        // A by X in cases 1 and 2, by Y in case 3 (drawn in X's lane at 50%); B always by Y. A>B: 3 transitions, 2 of
        // them hand-overs from X to Y, so it is dashed.
        var map = ProcessMap.Build(SmallLogs.Of("A@X B@Y C@Y", "A@X B@Y C@Z", "A@Y B@Y C@Y"), new MapOptions { LaneAttribute = "team", LaneSplitShare = 0.5 });
        string svg = SvgMap.Render(map);

        var edges = EdgePattern().Matches(svg).Select(m => (Frequency: long.Parse(m.Groups[1].Value), Handovers: long.Parse(m.Groups[2].Value), Dashed: m.Groups[3].Value == "true")).ToList();
        Assert.Contains((3L, 2L, true), edges);
    }

    [GeneratedRegex("data-frequency=\"(\\d+)\"[^>]*?data-handovers=\"(\\d+)\" data-handover=\"(true|false)\"")]
    private static partial Regex EdgePattern();
}
