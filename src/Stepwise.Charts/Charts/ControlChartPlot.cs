using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// A control chart (p-chart or XmR): the values over time, the centre line, the control limits (stepped where they
/// vary with the subgroup size), and every point that signals special-cause variation ringed and numbered with the
/// rules it breaks, which the legend names.
/// </summary>
public sealed record ControlChartPlot : Chart
{
    /// <summary>The measure of the values.</summary>
    public required Measure Value { get; init; }

    /// <summary>The points in time order.</summary>
    public required IReadOnlyList<ControlChartPoint> Points { get; init; }

    /// <summary>The heading of the period column and the x axis.</summary>
    public string PeriodName { get; init; } = "Period";

    /// <summary>Where new phases begin (limits recomputed after a change), each drawn as a labelled vertical line;
    /// empty for a chart of one phase.</summary>
    public IReadOnlyList<ControlChartPhase> Phases
    {
        get => field;
        init => field = value is null || value.Any(p => p is null || p.Start < 1 || string.IsNullOrWhiteSpace(p.Label))
            ? throw new ArgumentException("A phase starts at a point after the first and has a label.", nameof(Phases))
            : value;
    } = [];

    /// <summary>The name of a rule by its number: the Western Electric rules 1 to 4 and the trend rule 5 (the
    /// numbering of <c>Stepwise.Statistics.Control.ControlRule</c>).</summary>
    public static string RuleName(int rule) => rule switch
    {
        1 => "a point beyond a control limit",
        2 => "2 of 3 points beyond 2 sigma",
        3 => "4 of 5 points beyond 1 sigma",
        4 => "8 points on one side of the centre",
        5 => "6 points rising or falling",
        _ => $"rule {rule}",
    };

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        var phases = Phases.Where(p => p.Start < Points.Count).OrderBy(p => p.Start).ToList();
        var rules = Points.SelectMany(p => p.Rules).Distinct().Order().ToList();
        var values = Points.SelectMany(p => new[] { p.Value, p.Centre, p.Lower, p.Upper }).Where(double.IsFinite).ToList();
        double low = values.Count == 0 ? 0 : values.Min(), high = values.Count == 0 ? 1 : values.Max();

        // Signal labels depend on the plot, whose height depends on the notes, which list the groups of signals too
        // close together to label point by point: laid out until the listed groups are those the layout letters.
        IReadOnlyList<SignalGroup> listed = [];
        ChartFrame frame;
        VerticalPlot plot;
        SignalLabels labels;
        int pass = 0, reach = 2;
        while (true)
        {
            var legend = Legend(phases.Count > 0, rules.Count > 0, listed.Count > 0);
            var notes = NotesWith(rules, listed);
            var chartSize = size;
            if (listed.Count > 0)
            {
                // The list of groups lengthens the chart rather than shortening the plot.
                double extra = new ChartFrame(size, Title, Subtitle, legend, notes, GroupNoteLines).NotesHeight - new ChartFrame(size, Title, Subtitle, legend, NotesWith(rules, []), GroupNoteLines).NotesHeight;
                chartSize = new ChartSize(size.Width, Math.Min(4000, size.Height + Math.Max(0, extra)), size.FontSize);
            }

            frame = new ChartFrame(chartSize, Title, Subtitle, legend, notes, GroupNoteLines);
            plot = VerticalPlot.Create(frame, Value, low, high, Points.Select(p => p.Label).ToList(), frame.Font * 2);
            labels = PlaceLabels(plot, frame.Font, phases, reach);
            if (labels.Groups.Count > 0 && reach < Points.Count && !ListFits(labels.Groups, frame))
            {
                // More groups than the list under the chart can hold: signals further apart group together.
                reach *= 2;
                listed = [];
                pass = 0;
                continue;
            }

            if (SameGroups(labels.Groups, listed) || ++pass == 4)
            {
                break;
            }

            listed = labels.Groups;
        }

        double f = frame.Font;
        var canvas = new SvgCanvas();
        frame.Draw(canvas, plot.Height);
        plot.DrawAxes(canvas, frame, Value, PeriodName, Points.Count);
        int n = Points.Count;
        double half = plot.PlotWidth / Math.Max(1, n) / 2;
        canvas.BeginGroup("limits");
        Stepped(canvas, plot, n, half, p => p.Centre, Palette.Text, null);
        Stepped(canvas, plot, n, half, p => p.Upper, Palette.MutedText, "5 3");
        Stepped(canvas, plot, n, half, p => p.Lower, Palette.MutedText, "5 3");
        canvas.EndGroup();
        canvas.BeginGroup("values", Value.Name);
        foreach (var run in TrendChart.Runs(n, i => double.IsFinite(Points[i].Value)))
        {
            canvas.Polyline(run.Select(i => (plot.CategoryX(i, n), plot.Y(Points[i].Value))).ToList(), Palette.Blue, 1.5);
        }

        foreach (var phase in labels.Phases)
        {
            canvas.Line(phase.X, plot.PlotTop, phase.X, plot.PlotBottom, Palette.Text, 1.2, "2 3");
            if (phase.Label is { } label)
            {
                canvas.Text(label.Right ? phase.X + 4 : phase.X - 4, label.Baseline, label.Text, label.Size, label.Right ? TextAnchor.Start : TextAnchor.End, fill: Palette.Text);
            }
        }

        double radius = labels.Radius;
        for (int i = 0; i < n; i++)
        {
            var p = Points[i];
            if (!double.IsFinite(p.Value))
            {
                continue;
            }

            double x = plot.CategoryX(i, n), y = plot.Y(p.Value);
            bool signal = p.Rules.Count > 0;
            canvas.Marker(MarkerShape.Circle, x, y, radius, signal ? Palette.Vermillion : Palette.Blue);
            if (signal)
            {
                canvas.Ring(x, y, radius + 3, Palette.Vermillion, 1.5);
            }
        }

        foreach (var label in labels.Texts)
        {
            if (label.Bracket is { } bracket)
            {
                canvas.Line(bracket.From, bracket.Y, bracket.To, bracket.Y, Palette.Vermillion, 1);
            }

            canvas.Text(label.X, label.Baseline, label.Text, label.Size, TextAnchor.Middle, bold: true, fill: Palette.Vermillion);
        }

        canvas.EndGroup();
        string description = Describe();
        return new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(), canvas.Labels, plot.Box);
    }

    /// <summary>The most lines the list of signal groups under the chart takes.</summary>
    private const int GroupNoteLines = 12;

    private List<LegendItem> Legend(bool phases, bool signals, bool groups)
    {
        var legend = new List<LegendItem>
        {
            new(Value.Name, Palette.Blue, LegendSymbol.LineWithMarker),
            new("Centre line", Palette.Text, LegendSymbol.Line),
            new("Control limits (3 sigma)", Palette.MutedText, LegendSymbol.Line, "5 3"),
        };
        if (phases)
        {
            legend.Add(new("Phase change (limits recomputed)", Palette.Text, LegendSymbol.Line, "2 3"));
        }

        if (signals)
        {
            legend.Add(new(groups ? "Signal (number: rule broken; letter: a group listed below)" : "Signal (number: rule broken)", Palette.Vermillion, LegendSymbol.Ring));
        }

        return legend;
    }

    private List<string> NotesWith(List<int> rules, IReadOnlyList<SignalGroup> groups)
    {
        var notes = new List<string>();
        if (rules.Count > 0)
        {
            notes.Add("Signals: " + string.Join("; ", rules.Select(r => $"rule {r}, {RuleName(r)}")) + ".");
        }
        else
        {
            notes.Add("No point signals special-cause variation: the variation is within what the process usually shows.");
        }

        if (groups.Count > 0)
        {
            notes.Add("Signals too close together to number one by one, marked by letter: " + string.Join("; ", groups.Select(Listed)) + ".");
        }

        notes.AddRange(Notes);
        return notes;
    }

    /// <summary>A group as listed under the chart: "B 2012-03 to 2012-07, 5 points, rules 1, 2".</summary>
    private string Listed(SignalGroup group)
    {
        var rules = Enumerable.Range(group.First, group.Last - group.First + 1).SelectMany(i => Points[i].Rules).Distinct().Order();
        int points = Enumerable.Range(group.First, group.Last - group.First + 1).Count(i => Points[i].Rules.Count > 0);
        string when = group.First == group.Last ? Points[group.First].Label : $"{Points[group.First].Label} to {Points[group.Last].Label}";
        return $"{group.Letter} {when}, {(points == 1 ? "1 point" : $"{points} points")}, rule{(rules.Count() == 1 ? string.Empty : "s")} {string.Join(", ", rules)}";
    }

    /// <summary>Whether the list of <paramref name="groups"/> fits the lines the notes give it.</summary>
    private bool ListFits(IReadOnlyList<SignalGroup> groups, ChartFrame frame)
    {
        string list = NotesWith([1], groups)[1];
        return TextWrap.Wrap(list, frame.Font * 0.9, frame.Size.Width - (2 * frame.Margin), int.MaxValue).Count <= GroupNoteLines;
    }

    private static bool SameGroups(IReadOnlyList<SignalGroup> a, IReadOnlyList<SignalGroup> b)
        => a.Count == b.Count && a.Zip(b).All(p => p.First == p.Second);

    /// <summary>
    /// Places the phase labels and then the signal labels, each clear of every other label, of every point's marker
    /// and ring, and inside the plot. The signals fall into groups (signalling points at most one point apart, further where
    /// the list under the chart would otherwise run too long); a
    /// group's points are numbered with their rules, each label above or below its point at one of three heights;
    /// when a group's points cannot all be numbered that way, the group gets one letter instead, over (or under) it
    /// with a bracket spanning it, and is listed under the chart.
    /// </summary>
    private SignalLabels PlaceLabels(VerticalPlot plot, double f, List<ControlChartPhase> phases, int reach)
    {
        int n = Points.Count;
        double half = plot.PlotWidth / Math.Max(1, n) / 2;
        double radius = Math.Clamp(half / 2, 1.5, f * 0.28);
        var plotBox = plot.Box;
        var taken = new List<LabelBox>();

        // Every marker, and every ring, is an obstacle.
        var marks = new List<LabelBox>();
        for (int i = 0; i < n; i++)
        {
            if (double.IsFinite(Points[i].Value))
            {
                double r = (Points[i].Rules.Count > 0 ? radius + 3 + 0.75 : radius) + 0.5;
                marks.Add(new LabelBox(plot.CategoryX(i, n) - r, plot.Y(Points[i].Value) - r, 2 * r, 2 * r, string.Empty));
            }
        }

        var phaseLines = new List<PhaseLine>();
        foreach (var phase in phases)
        {
            double x = (plot.CategoryX(phase.Start - 1, n) + plot.CategoryX(phase.Start, n)) / 2;
            double labelSize = f * 0.85, width = TextMeasure.Width(phase.Label, labelSize, bold: false);
            double baseline = plot.PlotTop + (labelSize * 1.1);
            bool right = x + 4 + width <= plot.PlotRight;
            var box = new LabelBox(right ? x + 4 : x - 4 - width, baseline - (SvgCanvas.Ascent * labelSize), width, labelSize, phase.Label);
            bool free = !taken.Any(t => t.Overlaps(box));
            if (free)
            {
                taken.Add(box);
            }

            phaseLines.Add(new PhaseLine(x, free ? new PhaseLabel(phase.Label, baseline, labelSize, right) : null));
        }

        bool Free(LabelBox box) => box.X >= plotBox.X - 0.01 && box.Right <= plotBox.Right + 0.01 && box.Y >= plotBox.Y - 0.01 && box.Bottom <= plotBox.Bottom + 0.01
            && !taken.Any(t => t.Overlaps(box)) && !marks.Any(m => m.Overlaps(box));

        double size = f * 0.85, step = size * 1.05, gap = radius + 3 + 1;
        var texts = new List<PlacedText>();
        var groups = new List<SignalGroup>();
        foreach (var (first, last) in Groups(reach))
        {
            // Each point numbered with its rules, if every point of the group finds a place.
            var placed = new List<PlacedText>();
            int before = taken.Count;
            bool all = true;
            for (int i = first; i <= last && all; i++)
            {
                var p = Points[i];
                if (p.Rules.Count == 0 || !double.IsFinite(p.Value))
                {
                    continue;
                }

                string text = string.Join(",", p.Rules.Order());
                double width = TextMeasure.Width(text, size, bold: true);
                double x = plot.CategoryX(i, n), y = plot.Y(p.Value);
                all = false;
                for (int level = 0; level < 3 && !all; level++)
                {
                    foreach (double baseline in new[] { y - gap - (size * 0.25) - (level * step), y + gap + (size * 0.95) + (level * step) })
                    {
                        var box = Box(text, x, baseline, width, size, plotBox);
                        if (Free(box))
                        {
                            taken.Add(box);
                            placed.Add(new PlacedText(box.X + (width / 2), baseline, text, size, null));
                            all = true;
                            break;
                        }
                    }
                }
            }

            if (all)
            {
                texts.AddRange(placed);
                continue;
            }

            // Too crowded: one letter for the group, over its highest point or under its lowest.
            taken.RemoveRange(before, taken.Count - before);
            var group = new SignalGroup(first, last, Letter(groups.Count));
            groups.Add(group);
            double from = plot.CategoryX(first, n), to = plot.CategoryX(last, n), middle = (from + to) / 2;
            var ys = Enumerable.Range(first, last - first + 1).Where(i => double.IsFinite(Points[i].Value)).Select(i => plot.Y(Points[i].Value)).ToList();
            double top = ys.Min() - gap, bottom = ys.Max() + gap;
            double tagSize = f * 0.9, tagWidth = TextMeasure.Width(group.Letter, tagSize, bold: true);
            var tag = TagPlace(group.Letter, middle, top, bottom, tagWidth, tagSize, plotBox, Free);
            if (tag is { } t)
            {
                taken.Add(t.Box);
                double bracketY = t.Above ? t.Box.Bottom + 1.5 : t.Box.Y - 1.5;
                texts.Add(new PlacedText(t.Box.X + (tagWidth / 2), t.Baseline, group.Letter, tagSize, last > first ? new Bracket(from, to, bracketY) : null));
            }
        }

        return new SignalLabels(radius, phaseLines, texts, groups);
    }

    /// <summary>Groups of signalling points: runs in which consecutive signals lie at most <paramref name="reach"/>
    /// positions apart (2: at most one point between them).</summary>
    private List<(int First, int Last)> Groups(int reach)
    {
        var groups = new List<(int, int)>();
        int first = -1, last = -1;
        for (int i = 0; i < Points.Count; i++)
        {
            if (Points[i].Rules.Count == 0 || !double.IsFinite(Points[i].Value))
            {
                continue;
            }

            if (first >= 0 && i - last > reach)
            {
                groups.Add((first, last));
                first = -1;
            }

            first = first < 0 ? i : first;
            last = i;
        }

        if (first >= 0)
        {
            groups.Add((first, last));
        }

        return groups;
    }

    /// <summary>A place for a group's letter: over the group (rising until the plot's top), else under it, first at
    /// its middle, then shifted aside by up to two letters' width.</summary>
    private static (LabelBox Box, double Baseline, bool Above)? TagPlace(string text, double middle, double top, double bottom, double width, double size, LabelBox plot, Func<LabelBox, bool> free)
    {
        double step = size * 0.5;
        foreach (bool above in new[] { true, false })
        {
            for (double offset = 3; offset < plot.Height; offset += step)
            {
                double baseline = above ? top - offset : bottom + offset + (SvgCanvas.Ascent * size);
                if (above ? baseline - (SvgCanvas.Ascent * size) < plot.Y : baseline - (SvgCanvas.Ascent * size) + size > plot.Bottom)
                {
                    break;
                }

                foreach (double shift in new[] { 0.0, -1, 1, -2, 2 })
                {
                    var box = Box(text, middle + (shift * (width + 4)), baseline, width, size, plot);
                    if (free(box))
                    {
                        return (box, baseline, above);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The box of a text centred at <paramref name="x"/> (moved inside the plot where it would leave it).</summary>
    private static LabelBox Box(string text, double x, double baseline, double width, double size, LabelBox plot)
    {
        double left = Math.Clamp(x - (width / 2), plot.X, Math.Max(plot.X, plot.Right - width));
        return new LabelBox(left, baseline - (SvgCanvas.Ascent * size), width, size, text);
    }

    /// <summary>A, B, ..., Z, AA, AB, ...</summary>
    private static string Letter(int index)
        => index < 26 ? ((char)('A' + index)).ToString() : Letter((index / 26) - 1) + (char)('A' + (index % 26));

    private void Stepped(SvgCanvas canvas, VerticalPlot plot, int n, double half, Func<ControlChartPoint, double> limit, string stroke, string? dash)
    {
        foreach (var run in TrendChart.Runs(n, i => double.IsFinite(limit(Points[i]))))
        {
            var line = new List<(double, double)>();
            foreach (int i in run)
            {
                double x = plot.CategoryX(i, n), y = plot.Y(limit(Points[i]));
                line.Add((x - half, y));
                line.Add((x + half, y));
            }

            canvas.Polyline(line, stroke, 1.2, dash);
        }
    }

    private string Describe()
    {
        int signals = Points.Count(p => p.Rules.Count > 0);
        string centre = Points.Count > 0 ? Value.Format(Points[^1].Centre) : "\u2013";
        string text = $"Control chart of {Value.Title} over {Points.Count} periods, centre line {centre}. "
            + string.Concat(Phases.Where(p => p.Start < Points.Count).Select(p => $"{p.Label} from {Points[p.Start].Label}, with limits recomputed from there. "));
        return signals == 0
            ? text + "No point signals special-cause variation."
            : text + $"{signals} points signal special-cause variation: " + string.Join("; ", Points.Where(p => p.Rules.Count > 0).Take(10).Select(p => $"{p.Label} ({Value.Format(p.Value)}, rule {string.Join(", ", p.Rules.Order())})")) + (signals > 10 ? "; and more." : ".");
    }

    private ChartTable Table()
    {
        var columns = new List<ChartColumn>
        {
            ChartColumn.Text(PeriodName), ChartColumn.Of(Value), ChartColumn.Of(Value.Named("Centre line")),
            ChartColumn.Of(Value.Named("Lower control limit")), ChartColumn.Of(Value.Named("Upper control limit")), ChartColumn.Text("Signals"),
        };
        var rows = Points.Select(p => (IReadOnlyList<ChartCell>)
        [
            ChartCell.Of(p.Label), ChartCell.Of(p.Value), ChartCell.Of(p.Centre), ChartCell.Of(p.Lower), ChartCell.Of(p.Upper),
            ChartCell.Of(string.Join("; ", p.Rules.Order().Select(r => $"{r} {RuleName(r)}"))),
        ]).ToList();
        return new ChartTable(Title, columns, rows);
    }

    private sealed record SignalGroup(int First, int Last, string Letter);

    private sealed record Bracket(double From, double To, double Y);

    private sealed record PlacedText(double X, double Baseline, string Text, double Size, Bracket? Bracket);

    private sealed record PhaseLabel(string Text, double Baseline, double Size, bool Right);

    private sealed record PhaseLine(double X, PhaseLabel? Label);

    private sealed record SignalLabels(double Radius, List<PhaseLine> Phases, List<PlacedText> Texts, List<SignalGroup> Groups);
}
