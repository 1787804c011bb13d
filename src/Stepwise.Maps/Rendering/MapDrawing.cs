using System.Globalization;
using System.Text;
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
/// (node ids and edge ids are those of <see cref="ProcessMap.Nodes"/> and <see cref="ProcessMap.Edges"/>), the legend,
/// and the caption that states what the map shows and hides. Each map has one meaning per colour: counts (blue
/// boxes) on a frequency map, times (a light-to-dark warm scale) on a performance map; hand-overs between lanes are
/// dashed, never coloured. SVG is written from it by <see cref="SvgMap"/>.
/// </summary>
public sealed class MapDrawing
{
    /// <summary>Whether step names flowing right wrap wider (110 to 140 px): in rows of lanes a box a line shorter can
    /// let the page's text grow.</summary>
    private readonly bool _wideNames;

    /// <summary>Size of activity names at the natural text size.</summary>
    public const double NameFontSize = 13;

    /// <summary>Size of counts, times, path labels and the caption at the natural text size: the smallest text of a map.</summary>
    public const double SmallFontSize = 11;

    private const double Margin = 16;
    private const double NodePaddingX = 10;
    private const double NodePaddingY = 7;
    private const double MaxNameWidth = 170;
    private const double CaptionTitleSize = 16;
    private const double PixelsPerInch = 96;

    /// <summary>Where on the time scale the fastest path's colour lies: the scale's lightest colours are too faint for
    /// thin lines on a white background.</summary>
    internal const double EdgeScaleStart = 0.3;

    /// <summary>Widest a lane title runs (before wrapping to a second line) when lanes are rows.</summary>
    internal const double LaneTitleWidth = 105;

    private MapDrawing(ProcessMap map, MapStyle style, double textScale, bool compact, bool terse = false, bool wideNames = false)
    {
        _wideNames = wideNames;
        Map = map;
        Style = style;
        Colors = ColorScheme.Of(style.Scheme);
        TextScale = textScale;
        Compact = compact;
        Terse = terse;
    }

    /// <summary>The map drawn.</summary>
    public ProcessMap Map { get; }

    /// <summary>The style it is drawn in (with the direction chosen for its page, if any).</summary>
    public MapStyle Style { get; private set; }

    /// <summary>The layout, in its own coordinates; <see cref="Origin"/> places it in the picture.</summary>
    public GraphLayout Layout { get; private set; } = null!;

    /// <summary>Where the layout's (0, 0) lies in the picture (the caption and legend are above it).</summary>
    public Point Origin { get; private set; }

    /// <summary>Where the whole content (caption, legend, map) starts in the picture: (0, 0) unless the picture was
    /// given a page's shape, then the content is centred on it.</summary>
    public Point ContentOffset { get; private set; }

    /// <summary>Width of the picture in pixels.</summary>
    public double Width { get; private set; }

    /// <summary>Height of the picture in pixels.</summary>
    public double Height { get; private set; }

    /// <summary>How much the text is enlarged over the natural size (1 unless chosen for a page).</summary>
    public double TextScale { get; }

    /// <summary>Whether the map is drawn with tighter spacing (chosen for a page).</summary>
    public bool Compact { get; }

    /// <summary>Whether the map's text is shortened so that it prints larger on its page: path counts without their
    /// unit (the caption names it) and a split box's share of the step on its count's line ("33 cases, 40%"). Chosen for a page only when the full
    /// text would print under <see cref="TerseBelowPoints"/>.</summary>
    public bool Terse { get; }

    /// <summary>The size in points under which a map made for a page shortens its text, if that prints it larger.</summary>
    public const double TerseBelowPoints = 10;

    /// <summary>Size of step names, in pixels.</summary>
    public double NameSize => NameFontSize * TextScale;

    /// <summary>Size of the smallest text (counts, times, labels, caption), in pixels.</summary>
    public double SmallSize => SmallFontSize * TextScale;

    /// <summary>The page size in inches (width, height) when made for a page; (0, 0) otherwise.</summary>
    public (double Width, double Height) PageInches { get; private set; }

    /// <summary>The size of the smallest text in points once the picture is scaled to its page (for no page: as drawn,
    /// at 96 pixels to the inch).</summary>
    public double SmallestTextPoints { get; private set; }

    /// <summary>The text lines of each node.</summary>
    public IReadOnlyList<IReadOnlyList<TextLine>> NodeText { get; private set; } = [];

    /// <summary>The label of each edge (empty for none).</summary>
    public IReadOnlyList<string> EdgeLabels { get; private set; } = [];

    /// <summary>The title above the map.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>The caption's lines, wrapped.</summary>
    public IReadOnlyList<string> Caption { get; private set; } = [];

    /// <summary>The lowest and highest time of the performance scale, in seconds (NaN when there is none).</summary>
    public (double Low, double High) TimeRange { get; private set; } = (double.NaN, double.NaN);

    /// <summary>The lowest and highest painted figure (NaN when nothing is painted).</summary>
    public (double Low, double High) PaintRange { get; private set; } = (double.NaN, double.NaN);

    /// <summary>A one-paragraph description for screen readers and the report text.</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>The legend's entries, in rows, with where each lies in the picture.</summary>
    internal IReadOnlyList<LegendEntry> Legend { get; private set; } = [];

    internal ColorScheme Colors { get; }

    internal string[] NodeFill { get; private set; } = [];

    internal string[] EdgeColor { get; private set; } = [];

    internal double[] EdgeWidth { get; private set; } = [];

    internal EdgeStroke[] Strokes { get; private set; } = [];

    internal bool[] CrossesLanes { get; private set; } = [];

    internal double CaptionTop { get; private set; }

    internal long MaxEdgeCount { get; private set; } = 1;

    internal long MaxNodeCount { get; private set; } = 1;

    /// <summary>Lays out <paramref name="map"/> in <paramref name="style"/>; for a page (<see cref="MapStyle.Fit"/>) tries
    /// both directions, two spacings and five text sizes (seven for a part of a map split over slides) and keeps the one whose smallest text prints largest.</summary>
    public static MapDrawing Create(ProcessMap map, MapStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        style ??= MapStyle.Default;
        if (style.Fit == MapFit.None)
        {
            var plain = new MapDrawing(map, style, 1, compact: false);
            plain.Build();
            return plain;
        }

        // Beyond 12 pt more size buys nothing on a whole map, so the more natural drawing wins; a part of a map split
        // over slides has the slide to itself, so the drawing that prints largest (fills the slide most) wins up to 18 pt.
        double enough = style.Part is null ? 12 : 18;
        double[] scales = style.Part is null ? [1.0, 1.2, 1.45, 1.75, 2.1] : [1.0, 1.2, 1.45, 1.75, 2.1, 2.6, 3.2];
        MapDrawing? best = null;
        foreach (var direction in new[] { LayoutDirection.TopToBottom, LayoutDirection.LeftToRight })
        {
            foreach (bool compact in new[] { false, true })
            {
                foreach (double scale in scales)
                {
                    var candidate = new MapDrawing(map, style with { Direction = direction }, scale, compact);
                    candidate.Build();

                    // Larger print wins, up to enough.
                    if (best is null || Math.Min(candidate.SmallestTextPoints, enough) > Math.Min(best.SmallestTextPoints, enough) + 0.05)
                    {
                        best = candidate;
                    }
                }
            }
        }

        // Too small to read from the back of a room: the same candidates with shortened text, if they print larger
        // (and, with lanes as rows, with names wrapped wider, so that boxes are a line shorter).
        if (best!.SmallestTextPoints < TerseBelowPoints)
        {
            var variants = new List<(LayoutDirection Direction, bool WideNames)> { (LayoutDirection.TopToBottom, false), (LayoutDirection.LeftToRight, false) };
            if (map.Lanes.Count > 0)
            {
                variants.Add((LayoutDirection.LeftToRight, true));
            }

            foreach (var (direction, wideNames) in variants)
            {
                foreach (bool compact in new[] { false, true })
                {
                    foreach (double scale in scales)
                    {
                        var candidate = new MapDrawing(map, style with { Direction = direction }, scale, compact, terse: true, wideNames);
                        candidate.Build();
                        if (Math.Min(candidate.SmallestTextPoints, enough) > Math.Min(best.SmallestTextPoints, enough) + 0.05)
                        {
                            best = candidate;
                        }
                    }
                }
            }
        }

        return best;
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

    /// <summary>A count of a node with its unit, singular for one: "1 case", "4,580 cases", "12 events".</summary>
    public string Counted(long count) => Counted(count, Style.Count == CountMeasure.Cases ? "case" : "event");

    /// <summary>A count of a path with its unit: "1 case", "4,580 cases", "12 times".</summary>
    public string CountedPath(long count) => Style.Count == CountMeasure.Cases ? Counted(count, "case") : $"{DurationText.Count(count)} {(count == 1 ? "time" : "times")}";

    /// <summary>A count with a unit, singular for one.</summary>
    public static string Counted(long count, string unit) => $"{DurationText.Count(count)} {unit}{(count == 1 ? string.Empty : "s")}";

    /// <summary>"median" or "mean".</summary>
    public string TimeName => Style.Time == TimeStatistic.Mean ? "mean" : "median";

    /// <summary>The room the picture takes before any page: the caption, legend and layout.</summary>
    private (double Width, double Height) Natural { get; set; }

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
        double paintLow = double.PositiveInfinity, paintHigh = double.NegativeInfinity;
        if (Style.Paint is { } painted)
        {
            foreach (var node in map.Nodes)
            {
                if (node.Kind == MapNodeKind.Activity && painted.Steps.TryGetValue(node.Name, out var figure))
                {
                    Widen(figure.Value, ref paintLow, ref paintHigh);
                }
            }
        }

        PaintRange = paintLow <= paintHigh ? (paintLow, paintHigh) : (double.NaN, double.NaN);
        foreach (var node in map.Nodes)
        {
            if (node.Kind == MapNodeKind.Activity)
            {
                MaxNodeCount = Math.Max(MaxNodeCount, CountOf(node));
            }
        }

        foreach (var edge in map.Edges)
        {
            MaxEdgeCount = Math.Max(MaxEdgeCount, CountOf(edge));
        }

        // Nodes: text decides the size.
        var texts = new List<IReadOnlyList<TextLine>>();
        NodeFill = new string[map.Nodes.Count];
        foreach (var node in map.Nodes)
        {
            var lines = new List<TextLine>();
            if (node.Kind == MapNodeKind.Activity)
            {
                // Flowing right, every pixel of a box's width lengthens the map: names wrap sooner (unless a line fewer
                // in rows of lanes is what lets the page's text grow).
                foreach (var line in TextMetrics.Wrap(node.Name, NameSize, (down ? MaxNameWidth : _wideNames ? 140 : 110) * TextScale, 3))
                {
                    lines.Add(new TextLine(line, NameSize, "name"));
                }

                double time = TimeOf(node);
                bool timed = performance && !double.IsNaN(time);
                PaintedFigure? figure = null;
                if (Style.Paint is { } paint)
                {
                    figure = paint.Steps.TryGetValue(node.Name, out var f) && !double.IsNaN(f.Value) ? f : null;
                    lines.Add(new TextLine(figure?.Text ?? paint.Missing, SmallSize, "metric"));
                }
                else
                {
                    lines.Add(new TextLine(timed ? $"{TimeName} {DurationText.Format(time)}" : Counted(CountOf(node)), SmallSize, "metric"));
                }

                if (node.IsSplit)
                {
                    string share = (node.LaneShare * 100).ToString("0", CultureInfo.InvariantCulture);
                    if (Terse)
                    {
                        // One line fewer: the count and the lane's share of the step together.
                        lines[^1] = lines[^1] with { Text = $"{lines[^1].Text}, {share}%" };
                    }
                    else
                    {
                        lines.Add(new TextLine($"{share}% of the step's events", SmallSize, "lane"));
                    }
                }

                // One meaning per colour: counts on a frequency map, times on a performance map (no time: neutral),
                // the painted figure when one is painted (no figure: neutral).
                NodeFill[node.Id] = Style.Paint is not null
                    ? (figure is null ? Colors.NodeNeutral : ColorScheme.Along(Colors.TimeScale, PaintScale(figure.Value)))
                    : performance
                    ? (timed ? ColorScheme.Along(Colors.TimeScale, Scale(time)) : Colors.NodeNeutral)
                    : ColorScheme.Mix(Colors.NodeLow, Colors.NodeHigh, Math.Sqrt(CountOf(node) / (double)MaxNodeCount));
            }
            else
            {
                lines.Add(new TextLine(node.Name, NameSize, "name"));
                lines.Add(new TextLine(Counted(node.Cases, "case"), SmallSize, "metric"));
                NodeFill[node.Id] = Colors.TerminalFill;
            }

            texts.Add(lines);
            double textWidth = 0, height = 0;
            foreach (var line in lines)
            {
                textWidth = Math.Max(textWidth, TextMetrics.Width(line.Text, line.FontSize, line.Kind == "name" && node.Kind != MapNodeKind.Activity));
                height += line.FontSize * 1.25;
            }

            double order = node.Kind switch
            {
                MapNodeKind.Start => -1,
                MapNodeKind.End => double.MaxValue,
                _ => node.FlowRank + (Math.Max(0, node.Lane) * 1e-6),
            };
            double least = node.Kind == MapNodeKind.Activity ? (down ? 96 : 80) : (down ? 72 : 60);
            var size = new Size(Math.Ceiling(Math.Max(textWidth + (2 * NodePaddingX), least)), Math.Ceiling(height + (2 * NodePaddingY)));
            graph.AddNode(size, lanes ? Math.Max(0, node.Lane) : 0, order);
        }

        NodeText = texts;

        // Edges: label text, colour, width and arrowhead.
        var labels = new string[map.Edges.Count];
        EdgeColor = new string[map.Edges.Count];
        EdgeWidth = new double[map.Edges.Count];
        Strokes = new EdgeStroke[map.Edges.Count];
        CrossesLanes = new bool[map.Edges.Count];
        for (int e = 0; e < map.Edges.Count; e++)
        {
            var edge = map.Edges[e];
            double time = TimeOf(edge);
            bool timed = performance && !double.IsNaN(time);

            // A performance map labels paths with times only: paths from the start and to the end have no time, so
            // no label (their width still shows how many cases take them).
            labels[e] = performance ? (timed ? DurationText.Format(time) : string.Empty) : Terse ? DurationText.Count(CountOf(edge)) : CountedPath(CountOf(edge));
            // A path between two lanes' steps is dashed as a hand-over only when most of its transitions pass work to
            // another value of the lane attribute: a step shared by several lanes is drawn in a few of them, so a line
            // can cross lanes while the same team does both steps. Start and end belong to no team.
            CrossesLanes[e] = lanes && edge.Source >= 2 && edge.Target >= 2 && map.Nodes[edge.Source].Lane != map.Nodes[edge.Target].Lane
                && 2 * edge.Handovers >= edge.Frequency;
            EdgeColor[e] = timed ? ColorScheme.Along(Colors.TimeScale, EdgeScaleStart + ((1 - EdgeScaleStart) * Scale(time))) : Colors.Edge;
            EdgeWidth[e] = WidthOf(CountOf(edge));
            Strokes[e] = new EdgeStroke(EdgeWidth[e], Math.Round(EdgeWidth[e] + 6, 1), Math.Round(7 + (0.6 * EdgeWidth[e]), 1));
            var label = labels[e].Length == 0 ? Size.Empty : new Size(Math.Ceiling(TextMetrics.Width(labels[e], SmallSize) + 2), Math.Ceiling(SmallSize * 1.3));
            int id = graph.AddEdge(edge.Source, edge.Target, Math.Max(1, CountOf(edge)), label);
            graph.SetStroke(id, Strokes[e]);
        }

        EdgeLabels = labels;

        double laneHeader = 0;
        if (lanes)
        {
            foreach (var lane in map.Lanes)
            {
                string title = LaneTitle(lane);
                double titleWidth = TextMetrics.Width(title, NameSize, bold: true);
                if (down)
                {
                    graph.SetLaneMinimumBreadth(lane.Id, Math.Min(titleWidth, 220 * TextScale) + 24);
                    laneHeader = (NameSize * 2.3) + 4;
                }
                else
                {
                    graph.SetLaneMinimumBreadth(lane.Id, (NameSize * 2.6) + 24);
                    laneHeader = Math.Max(laneHeader, Math.Min(titleWidth, LaneTitleWidth * TextScale) + 20);
                }
            }
        }

        var layoutOptions = new LayoutOptions
        {
            Direction = Style.Direction,
            LaneHeader = laneHeader,
            NodeSpacing = Compact ? 18 : 28,
            LayerSpacing = Compact ? 24 : 44,
            EdgeSpacing = Compact ? 10 : 12,
            LabelPadding = Compact ? 4 : 5,
        };
        Layout = LayeredLayout.Compute(graph, layoutOptions);

        // Caption and legend above the layout.
        Title = Style.Title ?? "Process map";
        Description = Describe();
        double width = Math.Max(Layout.Width + (2 * Margin), 560);
        var caption = new List<string>();
        foreach (var paragraph in CaptionParagraphs())
        {
            // A caption line runs the whole width, so the estimate's error adds up over a hundred characters or more
            // (the PNG's font runs wider than the estimate there): lines are kept a tenth short of the edge.
            caption.AddRange(TextMetrics.Wrap(paragraph, SmallSize, (width - (2 * Margin)) * 0.9, 6));
        }

        Caption = caption;
        double top = Margin + (CaptionTitleSize * TextScale * 1.3) + (caption.Count * SmallSize * 1.35) + 8;
        CaptionTop = Margin;
        var legend = LegendEntries(width - (2 * Margin), top);
        Legend = legend;
        if (legend.Count > 0)
        {
            top = legend.Max(l => l.Y + l.Height) + 6;
        }

        Origin = new Point(Margin, top + 4);
        Natural = (Math.Ceiling(width), Math.Ceiling(Origin.Y + Layout.Height + Margin));
        Width = Natural.Width;
        Height = Natural.Height;
        FitPage();
    }

    /// <summary>Gives the picture its page's shape (content centred) and works out the size of its smallest text there.</summary>
    private void FitPage()
    {
        const double pointsPerPixel = 72 / PixelsPerInch;
        (double W, double H)[] pages = Style.Fit switch
        {
            MapFit.Slide => [(13.333, 7.5)],
            MapFit.A4 => [(190 / 25.4, 277 / 25.4), (277 / 25.4, 190 / 25.4)],
            _ => [],
        };
        if (pages.Length == 0)
        {
            SmallestTextPoints = SmallSize * pointsPerPixel;
            return;
        }

        var (w, h) = Natural;
        double bestScale = 0;
        (double W, double H) page = pages[0];
        foreach (var candidate in pages)
        {
            double s = Math.Min(candidate.W * PixelsPerInch / w, candidate.H * PixelsPerInch / h);
            if (s > bestScale)
            {
                bestScale = s;
                page = candidate;
            }
        }

        PageInches = page;
        SmallestTextPoints = SmallSize * bestScale * pointsPerPixel;

        // The picture takes the page's proportions; the content sits centred on it.
        double ratio = page.W / page.H;
        double width = Math.Max(w, h * ratio), height = Math.Max(h, w / ratio);
        ContentOffset = new Point(Math.Round((width - w) / 2, 1), Math.Round((height - h) / 2, 1));
        Width = Math.Ceiling(width);
        Height = Math.Ceiling(height);
    }

    /// <summary>Line width of a path taken <paramref name="count"/> times, 1.2 to 8 pixels.</summary>
    internal double WidthOf(long count) => Math.Round(1.2 + (6.8 * Math.Pow(count / (double)MaxEdgeCount, 0.6)), 1);

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

    /// <summary>Where a painted figure lies on the paint scale, 0 (lightest) to 1 (darkest, most in need of attention).</summary>
    internal double PaintScale(double value)
    {
        var (low, high) = PaintRange;
        if (double.IsNaN(value) || double.IsNaN(low))
        {
            return 0;
        }

        double t = high - low < 1e-12 ? 0.5 : (value - low) / (high - low);
        return Style.Paint is { HigherIsWorse: false } ? 1 - t : t;
    }

    /// <summary>The title a lane is drawn with: its name, and for the pooled lane how many values it holds.</summary>
    public static string LaneTitle(MapLane lane)
        => lane.IsPooled ? $"{lane.Name} ({DurationText.Count(lane.Values)} values)" : lane.Name;

    private static void Widen(double value, ref double low, ref double high)
    {
        if (!double.IsNaN(value))
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }
    }

    /// <summary>The legend: what line width, box shade or colour, and dashes mean, laid out in rows.</summary>
    private List<LegendEntry> LegendEntries(double width, double top)
    {
        var items = new List<(LegendKind Kind, string Text)>();
        bool performance = Style.Overlay == MapOverlay.Performance;
        items.Add((LegendKind.Width, $"line width: {CountUnit} on the path, {Counted(1, CountUnit == "cases" ? "case" : "event")} to {DurationText.Count(MaxEdgeCount)}"));
        if (Style.Paint is { } paint)
        {
            var steps = Map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).Select(n => paint.Steps.GetValueOrDefault(n.Name)).Where(f => f is not null && !double.IsNaN(f.Value)).ToList();
            string range = steps.Count == 0 ? "no step shown has one"
                : $"{steps.MinBy(f => f!.Value)!.Text} to {steps.MaxBy(f => f!.Value)!.Text}{(paint.HigherIsWorse ? string.Empty : " (darker: lower)")}";
            items.Add((LegendKind.PaintScale, $"box colour: {paint.Measure}, {range}; pale grey: {paint.Missing}"));
            if (performance && !double.IsNaN(TimeRange.Low))
            {
                items.Add((LegendKind.TimeScale, $"path colour: {TimeName} time between steps, {DurationText.Format(TimeRange.Low)} to {DurationText.Format(TimeRange.High)}"));
            }
        }
        else if (performance && !double.IsNaN(TimeRange.Low))
        {
            items.Add((LegendKind.TimeScale, $"{TimeName} time{(Map.HasServiceTimes ? " (steps: service time; paths: time between steps)" : " between steps")}: {DurationText.Format(TimeRange.Low)} to {DurationText.Format(TimeRange.High)}"));
        }
        else if (!performance)
        {
            items.Add((LegendKind.CountScale, $"box shade: {CountUnit}, up to {DurationText.Count(MaxNodeCount)}"));
        }

        if (Map.Lanes.Count > 0)
        {
            items.Add((LegendKind.Handover, "dashed: hand-over to another team"));
        }

        var entries = new List<LegendEntry>();
        double x = 0, y = top, rowHeight = SmallSize * 1.6;
        foreach (var (kind, text) in items)
        {
            double sample = kind is LegendKind.TimeScale or LegendKind.CountScale or LegendKind.PaintScale ? 96 : 40;
            double entryWidth = sample + 6 + TextMetrics.Width(text, SmallSize) + 18;
            if (x > 0 && x + entryWidth > width)
            {
                x = 0;
                y += rowHeight;
            }

            entries.Add(new LegendEntry(kind, text, Margin + x, y, sample, rowHeight));
            x += entryWidth;
        }

        return entries;
    }

    private IEnumerable<string> CaptionParagraphs()
    {
        var map = Map;
        var c = map.Coverage;

        // First, what the map is of: how many cases, and the period of their events, so that a map passed on says
        // which data it shows.
        yield return map.PeriodText + ".";
        if (Style.Part is { } part)
        {
            yield return $"Part {part.Number} of {part.Of}: {part.Text}";
        }

        if (Style.Paint is { } paint)
        {
            yield return $"Steps painted by {paint.Measure}: the darker the box, the more the step needs attention; each box gives its figure. "
                + (Style.Overlay == MapOverlay.Performance ? $"Paths coloured and labelled by the {TimeName} time between steps; line width shows {CountUnit}." : $"Line width and path labels show {CountUnit}.");
            if (Style.Part is null)
            {
                yield return Coverage(map.Coverage);
                if (PathsShown(map) is { } kept)
                {
                    yield return kept;
                }

                foreach (var lanes in LaneParagraph(map))
                {
                    yield return lanes;
                }
            }

            yield break;
        }

        yield return Style.Overlay == MapOverlay.Performance
            ? $"Performance: paths coloured and labelled by the {TimeName} time between steps ({map.Measure.Description}){(map.HasServiceTimes ? $"; steps coloured by {TimeName} service time" : "; boxes give the cases of each step")}. Line width shows {CountUnit}."
            : $"Frequency: box shade, line width and labels show {CountUnit}{(Terse ? $" (path labels: the number of {CountUnit})" : string.Empty)}.";
        if (Style.Part is not null)
        {
            // A part of a map split over slides: what the whole map shows and hides, and how its lanes are drawn, is
            // said once, with the first part.
            yield break;
        }

        yield return Coverage(c);
        if (PathsShown(map) is { } shown)
        {
            yield return shown;
        }

        foreach (var lanes in LaneParagraph(map))
        {
            yield return lanes;
        }
    }

    private static IEnumerable<string> LaneParagraph(ProcessMap map)
    {
        if (map.Lanes.Count > 0)
        {
            var pool = map.Lanes.FirstOrDefault(l => l.IsPooled);
            string pooled = pool is not null ? $"; {DurationText.Count(pool.Values)} values doing fewer events than those with a lane of their own share the lane '{pool.Name}'"
                : map.UndrawnValues > 0 ? $"; {DurationText.Count(map.UndrawnValues)} values doing the fewest events do too little of any step for a box and have no lane" : string.Empty;
            string fit = double.IsNaN(map.LaneFit) ? "n/a" : (map.LaneFit * 100).ToString("0", CultureInfo.InvariantCulture);
            string split = (map.Options.LaneSplitShare * 100).ToString("0", CultureInfo.InvariantCulture);
            yield return $"Lanes by {map.LaneAttribute} ({DurationText.Count(map.LaneValueCount)} values{pooled}). A step is drawn in every lane doing at least {split}% of its events, with that share, and a lane whose boxes would hold less than half of its events also holds the step it does most of; "
                + $"{fit}% of the events shown lie in the lane that performed them{PooledPart(map, pool)}. "
                + $"A path between lanes is dashed when most of its transitions pass work to another team (a hand-over); a solid one joins work of the same team drawn in another lane ({HandoverPart(map)}).";
        }
    }

    /// <summary>How much of the fit only says "some other team": the events of the pooled values.</summary>
    /// <summary>How many transitions the map's paths carry between teams, of how many in all.</summary>
    private static string HandoverPart(ProcessMap map)
    {
        long handovers = 0, transitions = 0;
        foreach (var edge in map.Edges)
        {
            if (edge.Source >= 2 && edge.Target >= 2)
            {
                handovers += edge.Handovers;
                transitions += edge.Frequency;
            }
        }

        return $"hand-overs: {DurationText.Count(handovers)} of the {DurationText.Count(transitions)} transitions between the steps shown";
    }

    private static string PooledPart(ProcessMap map, MapLane? pool)
        => pool is null || !(map.LanePooledShare > 0) ? string.Empty
            : $"; {(map.LanePooledShare * 100).ToString("0", CultureInfo.InvariantCulture)}% are done by the values pooled in '{pool.Name}', which does not say which of them did the work";

    private static string Coverage(MapCoverage c)
    {
        if (!c.IsSimplified)
        {
            // With lanes a step drawn in several lanes has paths from each of its boxes: more than the log's.
            string all = c.Paths == c.LogPaths ? $"all {c.Paths} paths" : $"all {c.Paths} paths between their boxes (the log's {c.LogPaths} paths between steps, split by lane)";
            return $"Shows all {c.Activities} steps and {all} of {DurationText.Count(c.Cases)} cases ({DurationText.Count(c.Events)} events).";
        }

        string events = c.Events == 0 ? "0" : (100.0 * c.ShownEvents / c.Events).ToString("0.0", CultureInfo.InvariantCulture);
        string transitions = c.Transitions == 0 ? "0" : (100.0 * c.ShownTransitions / c.Transitions).ToString("0.0", CultureInfo.InvariantCulture);
        string hidden = c.Cases == 0 ? "0" : (100.0 * c.CasesPartlyHidden / c.Cases).ToString("0.0", CultureInfo.InvariantCulture);
        string paths = c.ShownActivities < c.Activities
            ? $"{c.ShownPaths} of the {c.Paths} paths between them ({transitions}% of their transitions; the log has {c.LogPaths} paths)"
            : $"{c.ShownPaths} of {c.Paths} paths ({transitions}% of transitions)";
        return $"Simplified: shows {c.ShownActivities} of {c.Activities} steps ({events}% of events) and {paths}. "
            + $"{DurationText.Count(c.CasesPartlyHidden)} of {DurationText.Count(c.Cases)} cases ({hidden}%) take a hidden step or path: "
            + $"{DurationText.Count(c.CasesWithHiddenActivity)} a hidden step, {DurationText.Count(c.CasesWithHiddenPath)} a hidden path.";
    }

    /// <summary>Why a map that hides paths shows the ones it does: the busiest that make up the share asked for, those
    /// kept as a shown step's main way in or out (<see cref="MapOptions.KeepStepPaths"/>), and those kept so that every
    /// shown step lies between start and end; null when no path is hidden.</summary>
    public static string? PathsShown(ProcessMap map)
    {
        var c = map.Coverage;
        if (c.ShownPaths >= c.Paths)
        {
            return null;
        }

        int share = 0, step = 0, reach = 0;
        foreach (var edge in map.Edges)
        {
            switch (edge.Reason)
            {
                case PathReason.Share:
                    share++;
                    break;
                case PathReason.StepConnection:
                    step++;
                    break;
                case PathReason.Reachability:
                    reach++;
                    break;
            }
        }

        var text = new StringBuilder($"Paths shown: the {DurationText.Count(share)} busiest");
        if (step > 0)
        {
            text.Append($", plus {DurationText.Count(step)} kept as a step's main way in or out (its busiest, or one taken at least a third of the times)");
        }

        if (reach > 0)
        {
            text.Append($", plus {DurationText.Count(reach)} kept so that every step shown lies between start and end");
        }

        text.Append(map.Options.KeepStepPaths
            ? (step > 0 ? "." : "; they include every shown step's main ways in and out.")
            : "; a step's main ways in and out are not added, so a step may look cut off from the flow that brings its cases.");
        return text.ToString();
    }

    private string Describe()
    {
        var map = Map;
        var activities = map.Nodes.Where(n => n.Kind == MapNodeKind.Activity).ToList();
        string top = string.Join(", ", activities.Take(5).Select(n => $"{n.Name} ({DurationText.Count(CountOf(n))} {CountUnit})"));
        string busiest = map.Edges.Count == 0 ? string.Empty : $" The most frequent path is {map.Nodes[map.Edges[0].Source].Name} to {map.Nodes[map.Edges[0].Target].Name} ({DurationText.Count(CountOf(map.Edges[0]))} {CountUnit}).";
        return $"Process map of {DurationText.Count(map.Coverage.Cases)} cases with {activities.Count} boxes and {map.Edges.Count} paths. Most frequent steps: {top}.{busiest} {Coverage(map.Coverage)}{(PathsShown(map) is { } shown ? " " + shown : string.Empty)}";
    }
}

/// <summary>What a legend entry explains.</summary>
internal enum LegendKind
{
    Width,
    CountScale,
    TimeScale,
    PaintScale,
    Handover,
}

/// <summary>One entry of a map's legend: a sample (line, scale or dash) and its text, at a place in the picture.</summary>
internal sealed record LegendEntry(LegendKind Kind, string Text, double X, double Y, double SampleWidth, double Height);
