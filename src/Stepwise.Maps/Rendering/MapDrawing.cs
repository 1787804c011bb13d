using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;

namespace Stepwise.Maps.Rendering;

/// <summary>A line of text inside a node.</summary>
/// <param name="Text">The text.</param>
/// <param name="FontSize">Its size in pixels.</param>
/// <param name="Kind">"name", "metric" or "lane".</param>
public sealed record TextLine(string Text, double FontSize, string Kind);

/// <summary>
/// A process map laid out for drawing in a given style: the text and colour of every node and path, the layout
/// (node ids and edge ids are those of <see cref="ProcessMap.Nodes"/> and <see cref="ProcessMap.Edges"/>), and the
/// caption that states what the map shows and hides. SVG is written from it by <see cref="SvgMap"/>.
/// </summary>
public sealed class MapDrawing
{
    /// <summary>Size of activity names.</summary>
    public const double NameFontSize = 13;

    /// <summary>Size of counts, times, path labels and the caption: the smallest text of a map.</summary>
    public const double SmallFontSize = 11;

    private const double Margin = 16;
    private const double NodePaddingX = 10;
    private const double NodePaddingY = 7;
    private const double MaxNameWidth = 170;
    private const double CaptionTitleSize = 16;

    private MapDrawing(ProcessMap map, MapStyle style)
    {
        Map = map;
        Style = style;
        Colors = ColorScheme.Of(style.Scheme);
    }

    /// <summary>The map drawn.</summary>
    public ProcessMap Map { get; }

    /// <summary>The style it is drawn in.</summary>
    public MapStyle Style { get; }

    /// <summary>The layout, in its own coordinates; <see cref="Origin"/> places it in the picture.</summary>
    public GraphLayout Layout { get; private set; } = null!;

    /// <summary>Where the layout's (0, 0) lies in the picture (the caption is above it).</summary>
    public Point Origin { get; private set; }

    /// <summary>Width of the picture in pixels.</summary>
    public double Width { get; private set; }

    /// <summary>Height of the picture in pixels.</summary>
    public double Height { get; private set; }

    /// <summary>The text lines of each node.</summary>
    public IReadOnlyList<IReadOnlyList<TextLine>> NodeText { get; private set; } = [];

    /// <summary>The label of each edge.</summary>
    public IReadOnlyList<string> EdgeLabels { get; private set; } = [];

    /// <summary>The title and the caption's lines (wrapped to the picture's width).</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>The caption's lines, wrapped.</summary>
    public IReadOnlyList<string> Caption { get; private set; } = [];

    /// <summary>The lowest and highest time of the performance scale, in seconds (NaN when there is none).</summary>
    public (double Low, double High) TimeRange { get; private set; } = (double.NaN, double.NaN);

    /// <summary>A one-paragraph description for screen readers and the report text.</summary>
    public string Description { get; private set; } = string.Empty;

    internal ColorScheme Colors { get; }

    internal string[] NodeFill { get; private set; } = [];

    internal string[] EdgeColor { get; private set; } = [];

    internal double[] EdgeWidth { get; private set; } = [];

    internal bool[] CrossesLanes { get; private set; } = [];

    internal double LegendTop { get; private set; }

    /// <summary>Lays out <paramref name="map"/> in <paramref name="style"/>.</summary>
    public static MapDrawing Create(ProcessMap map, MapStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var drawing = new MapDrawing(map, style ?? MapStyle.Default);
        drawing.Build();
        return drawing;
    }

    /// <summary>The statistic the performance overlay shows for <paramref name="edge"/>, in seconds (NaN if untimed).</summary>
    public double TimeOf(MapEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return edge.Duration.Count == 0 ? double.NaN : Style.Time == TimeStatistic.Mean ? edge.Duration.Mean : edge.Duration.Median;
    }

    /// <summary>The statistic of service time shown for <paramref name="node"/>, in seconds (NaN if unknown).</summary>
    public double TimeOf(MapNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ServiceTime.Count == 0 ? double.NaN : Style.Time == TimeStatistic.Mean ? node.ServiceTime.Mean : node.ServiceTime.Median;
    }

    /// <summary>The count shown for <paramref name="edge"/>.</summary>
    public long CountOf(MapEdge edge) => Style.Count == CountMeasure.Cases ? edge.Cases : edge.Frequency;

    /// <summary>The count shown for <paramref name="node"/>.</summary>
    public long CountOf(MapNode node) => Style.Count == CountMeasure.Cases ? node.Cases : node.Events;

    /// <summary>"cases" or "events".</summary>
    public string CountUnit => Style.Count == CountMeasure.Cases ? "cases" : "events";

    /// <summary>A count with its unit, singular for one: "1 case", "4,580 cases".</summary>
    public string Counted(long count) => Counted(count, Style.Count == CountMeasure.Cases ? "case" : "event");

    /// <summary>A count with a unit, singular for one.</summary>
    public static string Counted(long count, string unit) => $"{DurationText.Count(count)} {unit}{(count == 1 ? string.Empty : "s")}";

    /// <summary>"median" or "mean".</summary>
    public string TimeName => Style.Time == TimeStatistic.Mean ? "mean" : "median";

    private void Build()
    {
        var map = Map;
        bool performance = Style.Overlay == MapOverlay.Performance;
        bool lanes = map.Lanes.Count > 0;
        bool down = Style.Direction == LayoutDirection.TopToBottom;
        var graph = new LayoutGraph();

        // Performance scale over the times shown (paths, and service times where known), on a log scale because
        // waits in service processes span seconds to weeks.
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        if (performance)
        {
            foreach (var edge in map.Edges)
            {
                Widen(TimeOf(edge), ref low, ref high);
            }

            foreach (var node in map.Nodes)
            {
                Widen(TimeOf(node), ref low, ref high);
            }
        }

        TimeRange = low <= high ? (low, high) : (double.NaN, double.NaN);

        long maxNodeCount = 1, maxEdgeCount = 1;
        foreach (var node in map.Nodes)
        {
            if (node.Kind == MapNodeKind.Activity)
            {
                maxNodeCount = Math.Max(maxNodeCount, CountOf(node));
            }
        }

        foreach (var edge in map.Edges)
        {
            maxEdgeCount = Math.Max(maxEdgeCount, CountOf(edge));
        }

        // Nodes: text decides the size.
        var texts = new List<IReadOnlyList<TextLine>>();
        NodeFill = new string[map.Nodes.Count];
        foreach (var node in map.Nodes)
        {
            var lines = new List<TextLine>();
            if (node.Kind == MapNodeKind.Activity)
            {
                foreach (var line in TextMetrics.Wrap(node.Name, NameFontSize, MaxNameWidth, 3))
                {
                    lines.Add(new TextLine(line, NameFontSize, "name"));
                }

                double time = TimeOf(node);
                lines.Add(new TextLine(performance && !double.IsNaN(time) ? $"{TimeName} {DurationText.Format(time)}" : Counted(CountOf(node)), SmallFontSize, "metric"));
                if (node.IsSplit && node.LaneValue is not null)
                {
                    string share = (node.LaneShare * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
                    lines.Add(new TextLine(TextMetrics.Wrap($"{node.LaneValue} {share}%", SmallFontSize, MaxNameWidth, 1)[0], SmallFontSize, "lane"));
                }

                NodeFill[node.Id] = performance
                    ? (double.IsNaN(time) ? Colors.NodeLow : ColorScheme.Along(Colors.TimeScale, Scale(time)))
                    : ColorScheme.Mix(Colors.NodeLow, Colors.NodeHigh, Math.Sqrt(CountOf(node) / (double)maxNodeCount));
            }
            else
            {
                lines.Add(new TextLine(node.Name, NameFontSize, "name"));
                lines.Add(new TextLine(Counted(node.Cases, "case"), SmallFontSize, "metric"));
                NodeFill[node.Id] = Colors.TerminalFill;
            }

            texts.Add(lines);
            double textWidth = 0, height = 0;
            foreach (var line in lines)
            {
                textWidth = Math.Max(textWidth, TextMetrics.Width(line.Text, line.FontSize, line.Kind == "name" && node.Kind != MapNodeKind.Activity));
                height += line.FontSize * 1.25;
            }

            graph.AddNode(new Size(Math.Ceiling(Math.Max(textWidth + (2 * NodePaddingX), node.Kind == MapNodeKind.Activity ? 96 : 72)), Math.Ceiling(height + (2 * NodePaddingY))), lanes ? Math.Max(0, node.Lane) : 0);
        }

        NodeText = texts;

        // Edges: label text, colour and width.
        var labels = new string[map.Edges.Count];
        EdgeColor = new string[map.Edges.Count];
        EdgeWidth = new double[map.Edges.Count];
        CrossesLanes = new bool[map.Edges.Count];
        for (int e = 0; e < map.Edges.Count; e++)
        {
            var edge = map.Edges[e];
            double time = TimeOf(edge);
            bool timed = performance && !double.IsNaN(time);
            labels[e] = timed ? DurationText.Format(time) : DurationText.Count(CountOf(edge));
            CrossesLanes[e] = lanes && map.Nodes[edge.Source].Lane != map.Nodes[edge.Target].Lane;
            EdgeColor[e] = timed ? ColorScheme.Along(Colors.TimeScale, 0.15 + (0.85 * Scale(time))) : CrossesLanes[e] ? Colors.CrossLaneEdge : Colors.Edge;
            EdgeWidth[e] = Math.Round(1.2 + (6.8 * Math.Pow(CountOf(edge) / (double)maxEdgeCount, 0.6)), 1);
            var label = new Size(Math.Ceiling(TextMetrics.Width(labels[e], SmallFontSize) + 2), Math.Ceiling(SmallFontSize * 1.3));
            graph.AddEdge(edge.Source, edge.Target, Math.Max(1, CountOf(edge)), label);
        }

        EdgeLabels = labels;

        double laneHeader = 0;
        if (lanes)
        {
            foreach (var lane in map.Lanes)
            {
                string title = LaneTitle(lane);
                double titleWidth = TextMetrics.Width(title, NameFontSize, bold: true);
                if (down)
                {
                    graph.SetLaneMinimumBreadth(lane.Id, Math.Min(titleWidth, 220) + 24);
                    laneHeader = 30;
                }
                else
                {
                    graph.SetLaneMinimumBreadth(lane.Id, 56);
                    laneHeader = Math.Max(laneHeader, Math.Min(titleWidth, 150) + 20);
                }
            }
        }

        Layout = LayeredLayout.Compute(graph, new LayoutOptions { Direction = Style.Direction, LaneHeader = laneHeader });

        // Caption above the layout.
        Title = Style.Title ?? "Process map";
        Description = Describe();
        double width = Math.Max(Layout.Width + (2 * Margin), 560);
        var caption = new List<string>();
        foreach (var paragraph in CaptionParagraphs())
        {
            caption.AddRange(TextMetrics.Wrap(paragraph, SmallFontSize, width - (2 * Margin), 6));
        }

        Caption = caption;
        double top = Margin + (CaptionTitleSize * 1.3) + (caption.Count * SmallFontSize * 1.35) + 6;
        LegendTop = top;
        if (performance && !double.IsNaN(TimeRange.Low))
        {
            top += 30;
        }

        Origin = new Point(Margin, top + 6);
        Width = Math.Ceiling(width);
        Height = Math.Ceiling(Origin.Y + Layout.Height + Margin);
    }

    /// <summary>Where <paramref name="seconds"/> lies on the performance scale, 0 to 1.</summary>
    internal double Scale(double seconds)
    {
        var (low, high) = TimeRange;
        if (double.IsNaN(seconds) || double.IsNaN(low))
        {
            return 0;
        }

        double a = Math.Log(Math.Max(low, 0) + 1), b = Math.Log(Math.Max(high, 0) + 1), v = Math.Log(Math.Max(seconds, 0) + 1);
        return b - a < 1e-9 ? 0.5 : (v - a) / (b - a);
    }

    internal static string LaneTitle(MapLane lane)
        => lane.Name == MapLane.OtherName && lane.Values > 1 ? $"{lane.Name} ({lane.Values} values)" : lane.Name;

    private static void Widen(double value, ref double low, ref double high)
    {
        if (!double.IsNaN(value))
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }
    }

    private IEnumerable<string> CaptionParagraphs()
    {
        var map = Map;
        var c = map.Coverage;
        yield return Style.Overlay == MapOverlay.Performance
            ? $"Performance: paths coloured and labelled by the {TimeName} time between steps ({map.Measure.Description}){(map.HasServiceTimes ? $"; steps by {TimeName} service time" : string.Empty)}; line width shows {CountUnit}."
            : $"Frequency: box shade, line width and labels show {CountUnit}.";
        yield return Coverage(c);
        if (map.Lanes.Count > 0)
        {
            var other = map.Lanes.FirstOrDefault(l => l.Name == MapLane.OtherName);
            string pool = other is null ? string.Empty : $" Lane '{MapLane.OtherName}' pools {other.Values} values with the fewest steps.";
            string emphasis = Colors.DashCrossLane ? "dashed" : "orange";
            yield return $"Lanes by {map.LaneAttribute} ({DurationText.Count(map.LaneValueCount)} values): each step lies in the lane of the value that performs most of its events; where a step is split, the value and its share are shown. Paths between lanes (hand-overs) are {emphasis}.{pool}";
        }
    }

    private static string Coverage(MapCoverage c)
    {
        if (!c.IsSimplified)
        {
            return $"Shows all {c.Activities} activities and all {c.Paths} paths of {DurationText.Count(c.Cases)} cases ({DurationText.Count(c.Events)} events).";
        }

        string events = c.Events == 0 ? "0" : (100.0 * c.ShownEvents / c.Events).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        string transitions = c.Transitions == 0 ? "0" : (100.0 * c.ShownTransitions / c.Transitions).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        string hidden = c.Cases == 0 ? "0" : (100.0 * c.CasesPartlyHidden / c.Cases).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return $"Simplified: shows {c.ShownActivities} of {c.Activities} activities ({events}% of events) and {c.ShownPaths} of {c.Paths} paths ({transitions}% of transitions). "
            + $"{DurationText.Count(c.CasesPartlyHidden)} of {DurationText.Count(c.Cases)} cases ({hidden}%) take a hidden step or path: "
            + $"{DurationText.Count(c.CasesWithHiddenActivity)} a hidden step, {DurationText.Count(c.CasesWithHiddenPath)} a hidden path.";
    }

    private string Describe()
    {
        var map = Map;
        var activities = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).ToList();
        string top = string.Join(", ", activities.Take(5).Select(n => $"{n.Name} ({DurationText.Count(CountOf(n))} {CountUnit})"));
        string busiest = map.Edges.Count == 0 ? string.Empty : $" The most frequent path is {map.Nodes[map.Edges[0].Source].Name} to {map.Nodes[map.Edges[0].Target].Name} ({DurationText.Count(CountOf(map.Edges[0]))} {CountUnit}).";
        return $"Process map of {DurationText.Count(map.Coverage.Cases)} cases with {activities.Count} activities and {map.Edges.Count} paths. Most frequent activities: {top}.{busiest} {Coverage(map.Coverage)}";
    }
}
