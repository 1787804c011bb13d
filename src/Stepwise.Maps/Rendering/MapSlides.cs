using System.Globalization;
using Stepwise.Maps.Mapping;

namespace Stepwise.Maps.Rendering;

/// <summary>
/// A process map made for slides: on one slide when its smallest text prints at <see cref="MinimumPoints"/> or more
/// there, else split into parts of consecutive steps along the flow (by <see cref="MapNode.FlowRank"/>, the boxes of
/// a step always together), as few parts as bring every part's text to that size (at most <see cref="MostParts"/>), each drawn for a 16:9 slide of its
/// own. A wide, short map of lanes split so fills more of each slide, larger, each part about as many columns of steps. Each part says which part it is, the
/// steps it shows, and which steps its paths come from and go on to in the other parts; together the parts hold every
/// box, lane and path of the map.
/// </summary>
public sealed class MapSlides
{
    /// <summary>The smallest text a slide's map prints at, in points: readable on a projected slide.</summary>
    public const double MinimumPoints = 12;

    /// <summary>The most slides a map is split over: a map that needs more prints under <see cref="MinimumPoints"/> on
    /// the parts that come closest (each part's <see cref="MapDrawing.SmallestTextPoints"/> says how large); show fewer
    /// steps or paths for a map that reads on slides.</summary>
    public const int MostParts = 8;

    private MapSlides(MapDrawing whole, IReadOnlyList<MapSlide> parts)
    {
        Whole = whole;
        Parts = parts;
    }

    /// <summary>The whole map drawn for one slide (its caption says what the map shows and hides, and how its lanes are
    /// drawn: for the notes of a deck whose parts leave that out).</summary>
    public MapDrawing Whole { get; }

    /// <summary>The slides, in the order of the flow (one when the whole map prints large enough).</summary>
    public IReadOnlyList<MapSlide> Parts { get; }

    /// <summary>The whole map's caption: what it shows and hides, and how its lanes are drawn.</summary>
    public IReadOnlyList<string> Caption => Whole.Caption;

    /// <summary>The map of <paramref name="map"/> on slides, drawn in <paramref name="style"/> (its page set to a slide).</summary>
    public static MapSlides Of(ProcessMap map, MapStyle? style = null, double minimumPoints = MinimumPoints)
    {
        ArgumentNullException.ThrowIfNull(map);
        style = (style ?? MapStyle.Default) with { Fit = MapFit.Slide, Part = null };
        var whole = MapDrawing.Create(map, style);
        var ranks = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => n.FlowRank).Distinct().Order().ToList();
        var best = new List<MapSlide> { new(1, 1, whole, [.. Steps(map, map.Nodes.Where(n => n.Kind == MapNodeKind.Activity))], [.. map.Lanes.Select(l => l.Name)], [], []) };
        double bestPoints = whole.SmallestTextPoints;
        for (int count = 2; bestPoints < minimumPoints && count <= Math.Min(ranks.Count, MostParts); count++)
        {
            var parts = Split(map, ranks, count, style);
            double points = parts.Min(p => p.Drawing.SmallestTextPoints);
            if (points > bestPoints + 0.05)
            {
                best = parts;
                bestPoints = points;
            }
        }

        return new MapSlides(whole, best);
    }

    /// <summary>The map in <paramref name="count"/> parts of consecutive ranks, each about as many ranks (columns of the
    /// flow, which decide how wide a part is drawn).</summary>
    private static List<MapSlide> Split(ProcessMap map, List<int> ranks, int count, MapStyle style)
    {
        var boxesAt = ranks.ToDictionary(r => r, _ => 1);
        int total = ranks.Count;

        // Ranks to parts: a part closes once it holds its share of the boxes, leaving a rank for each part to come.
        var partOfRank = new Dictionary<int, int>();
        int part = 0, held = 0, before = 0;
        for (int i = 0; i < ranks.Count; i++)
        {
            int left = ranks.Count - i, partsLeft = count - part - 1;
            if (held > 0 && part < count - 1 && (left <= partsLeft || before + held + (boxesAt[ranks[i]] / 2.0) > total * (part + 1) / (double)count))
            {
                part++;
                before += held;
                held = 0;
            }

            partOfRank[ranks[i]] = part;
            held += boxesAt[ranks[i]];
        }

        int parts = part + 1;
        int PartOf(int node) => node < 2 ? -1 : partOfRank[map.Nodes[node].FlowRank];
        var slides = new List<MapSlide>(parts);
        for (int p = 0; p < parts; p++)
        {
            var boxes = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity && PartOf(n.Id) == p).ToList();
            var ids = boxes.Select(n => n.Id).ToHashSet();
            var from = map.Edges.Where(e => !ids.Contains(e.Source) && ids.Contains(e.Target)).ToList();
            var to = map.Edges.Where(e => ids.Contains(e.Source) && !ids.Contains(e.Target)).ToList();
            string entry = Names(from.Select(e => e.Source < 2 ? -1 : PartOf(e.Source)), "Start", "From");
            string exit = Names(to.Select(e => e.Target < 2 ? -1 : PartOf(e.Target)), "End", "To");
            var comesFrom = from.Where(e => e.Source >= 2).OrderByDescending(e => e.Frequency).Select(e => $"{map.Nodes[e.Source].Name} (part {PartOf(e.Source) + 1}) to {map.Nodes[e.Target].Name}").Distinct(StringComparer.Ordinal).ToList();
            var goesOn = to.Where(e => e.Target >= 2).OrderByDescending(e => e.Frequency).Select(e => $"{map.Nodes[e.Source].Name} to {map.Nodes[e.Target].Name} (part {PartOf(e.Target) + 1})").Distinct(StringComparer.Ordinal).ToList();
            var steps = Steps(map, boxes);
            // The caption names the busiest paths in and out (a long list would crowd the map off the slide); the slide's
            // lists hold them all.
            string text = $"steps {string.Join(", ", steps)}."
                + (comesFrom.Count == 0 ? string.Empty : $" Comes from: {Busiest(comesFrom)}.")
                + (goesOn.Count == 0 ? string.Empty : $" Goes on: {Busiest(goesOn)}.")
                + (comesFrom.Count + goesOn.Count > 0 ? " Paths from and to other parts run from and to the boxes named for them, added together where several meet one box." : string.Empty);
            var drawing = MapDrawing.Create(map.Part(ids, entry, exit), style with { Part = new MapPart(p + 1, parts, text) });
            slides.Add(new MapSlide(p + 1, parts, drawing, steps, [.. drawing.Map.Lanes.Select(l => l.Name)], comesFrom, goesOn));
        }

        return slides;
    }

    /// <summary>The first <see cref="CaptionPaths"/> paths of a list, and how many more.</summary>
    private static string Busiest(List<string> paths)
        => string.Join("; ", paths.Take(CaptionPaths)) + (paths.Count > CaptionPaths ? $"; and {paths.Count - CaptionPaths} more" : string.Empty);

    /// <summary>The most paths in (or out of) a part its caption names.</summary>
    private const int CaptionPaths = 3;

    /// <summary>"Start", "From part 2", "Start or part 1", "From parts 1 and 3": where the paths into (or out of) a part
    /// come from (go to); -1 stands for the map's start (end).</summary>
    private static string Names(IEnumerable<int> parts, string terminal, string verb)
    {
        var set = parts.Distinct().Order().ToList();
        bool withTerminal = set.Remove(-1);
        string others = set.Count switch
        {
            0 => string.Empty,
            1 => $"part {set[0] + 1}",
            _ => "parts " + string.Join(", ", set.Take(set.Count - 1).Select(p => (p + 1).ToString(CultureInfo.InvariantCulture))) + $" and {set[^1] + 1}",
        };
        return withTerminal ? (others.Length == 0 ? terminal : $"{terminal} or {others}") : others.Length == 0 ? terminal : $"{verb} {others}";
    }

    /// <summary>The steps of some boxes by name, each once, in the order of the flow.</summary>
    private static List<string> Steps(ProcessMap map, IEnumerable<MapNode> boxes)
        => [.. boxes.OrderBy(n => n.FlowRank).ThenBy(n => n.Id).Select(n => n.Name).Distinct(StringComparer.Ordinal)];
}

/// <summary>One slide of a map split over slides.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="Of">How many slides the map takes.</param>
/// <param name="Drawing">The part drawn for a 16:9 slide.</param>
/// <param name="Steps">The steps it shows, in the order of the flow.</param>
/// <param name="Lanes">The lanes it shows.</param>
/// <param name="ComesFrom">The paths into it from steps of other parts ("Take in charge ticket (part 1) to Wait"), the
/// most travelled first (its caption names the first three).</param>
/// <param name="GoesOn">The paths out of it to steps of other parts ("Wait to Resolve ticket (part 3)"), the most
/// travelled first.</param>
public sealed record MapSlide(int Number, int Of, MapDrawing Drawing, IReadOnlyList<string> Steps, IReadOnlyList<string> Lanes, IReadOnlyList<string> ComesFrom, IReadOnlyList<string> GoesOn);
