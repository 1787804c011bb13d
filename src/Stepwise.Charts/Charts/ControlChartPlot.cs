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
        var legend = new List<LegendItem>
        {
            new(Value.Name, Palette.Blue, LegendSymbol.LineWithMarker),
            new("Centre line", Palette.Text, LegendSymbol.Line),
            new("Control limits (3 sigma)", Palette.MutedText, LegendSymbol.Line, "5 3"),
        };
        var phases = Phases.Where(p => p.Start < Points.Count).OrderBy(p => p.Start).ToList();
        if (phases.Count > 0)
        {
            legend.Add(new("Phase change (limits recomputed)", Palette.Text, LegendSymbol.Line, "2 3"));
        }

        var rules = Points.SelectMany(p => p.Rules).Distinct().Order().ToList();
        if (rules.Count > 0)
        {
            legend.Add(new("Signal (number: rule broken)", Palette.Vermillion, LegendSymbol.Ring));
        }

        var notes = new List<string>();
        if (rules.Count > 0)
        {
            notes.Add("Signals: " + string.Join("; ", rules.Select(r => $"rule {r}, {RuleName(r)}")) + ".");
        }
        else
        {
            notes.Add("No point signals special-cause variation: the variation is within what the process usually shows.");
        }

        notes.AddRange(Notes);
        var frame = new ChartFrame(size, Title, Subtitle, legend, notes);
        double f = frame.Font;
        var values = Points.SelectMany(p => new[] { p.Value, p.Centre, p.Lower, p.Upper }).Where(double.IsFinite).ToList();
        double low = values.Count == 0 ? 0 : values.Min(), high = values.Count == 0 ? 1 : values.Max();
        var plot = VerticalPlot.Create(frame, Value, low, high, Points.Select(p => p.Label).ToList(), f * 2);
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

        double radius = Math.Clamp(half / 2, 1.5, f * 0.28);
        var taken = new List<LabelBox>();
        foreach (var phase in phases)
        {
            double x = (plot.CategoryX(phase.Start - 1, n) + plot.CategoryX(phase.Start, n)) / 2;
            canvas.Line(x, plot.PlotTop, x, plot.PlotBottom, Palette.Text, 1.2, "2 3");
            double labelSize = f * 0.85, width = TextMeasure.Width(phase.Label, labelSize, bold: false);
            double baseline = plot.PlotTop + (labelSize * 1.1);
            bool right = x + 4 + width <= plot.PlotRight;
            var box = new LabelBox(right ? x + 4 : x - 4 - width, baseline - (SvgCanvas.Ascent * labelSize), width, labelSize, phase.Label);
            if (!taken.Any(t => t.Overlaps(box)))
            {
                taken.Add(box);
                canvas.Text(right ? x + 4 : x - 4, baseline, phase.Label, labelSize, right ? TextAnchor.Start : TextAnchor.End, fill: Palette.Text);
            }
        }

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
                RuleLabel(canvas, taken, string.Join(",", p.Rules.Order()), x, y, radius + 3, f * 0.85, plot);
            }
        }

        canvas.EndGroup();
        string description = Describe();
        return new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(), canvas.Labels, plot.Box);
    }

    private static void RuleLabel(SvgCanvas canvas, List<LabelBox> taken, string text, double x, double y, double gap, double size, VerticalPlot plot)
    {
        double width = TextMeasure.Width(text, size, bold: true);
        // Above the point, else below; a label that would collide with another is left out (the ring and the table
        // still show the signal).
        foreach (double baseline in new[] { y - gap - (size * 0.3), y + gap + (size * 0.95) })
        {
            var box = new LabelBox(x - (width / 2), baseline - (SvgCanvas.Ascent * size), width, size, text);
            if (box.Y < plot.PlotTop || box.Bottom > plot.PlotBottom || taken.Any(t => t.Overlaps(box)))
            {
                continue;
            }

            taken.Add(box);
            canvas.Text(x, baseline, text, size, TextAnchor.Middle, bold: true, fill: Palette.Vermillion);
            return;
        }
    }

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
}
