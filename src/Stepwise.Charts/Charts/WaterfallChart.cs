using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// A waterfall for a cost-benefit case: each amount floats from the running total before it (gains up in green,
/// costs down in vermillion), totals stand on zero in blue, and thin connectors carry the running total across.
/// </summary>
public sealed record WaterfallChart : Chart
{
    /// <summary>The measure of the amounts (usually money).</summary>
    public required Measure Value { get; init; }

    /// <summary>The steps in order.</summary>
    public required IReadOnlyList<WaterfallStep> Steps { get; init; }

    /// <summary>The heading of the step column and the x axis.</summary>
    public string StepName { get; init; } = "Item";

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        var runs = Running();
        var legend = new List<LegendItem>
        {
            new("Increase", Palette.Green, LegendSymbol.Box),
            new("Decrease", Palette.Vermillion, LegendSymbol.Box),
            new("Total", Palette.Blue, LegendSymbol.Box),
        };
        var frame = new ChartFrame(size, Title, Subtitle, legend, Notes);
        double f = frame.Font;
        var extremes = runs.SelectMany(r => new[] { r.From, r.To }).Append(0.0).ToList();
        double span = extremes.Max() - extremes.Min();
        // Headroom for the value labels above and below the bars.
        var plot = VerticalPlot.Create(frame, Value, extremes.Min() - (span * 0.08 * (extremes.Min() < 0 ? 1 : 0)), extremes.Max() + (span * 0.08), Steps.Select(s => s.Label).ToList(), f * 2);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, plot.Height);
        plot.DrawAxes(canvas, frame, Value, StepName, Steps.Count);
        int n = Steps.Count;
        double band = plot.PlotWidth / Math.Max(1, n);
        canvas.BeginGroup("steps");
        for (int i = 0; i < n; i++)
        {
            var (from, to) = (runs[i].From, runs[i].To);
            double x = plot.CategoryX(i, n);
            string color = Steps[i].IsTotal ? Palette.Blue : to >= from ? Palette.Green : Palette.Vermillion;
            double top = plot.Y(Math.Max(from, to)), bottom = plot.Y(Math.Min(from, to));
            string amount = Steps[i].IsTotal ? Value.Format(to) : Signed(to - from);
            canvas.BeginGroup("step", $"{Steps[i].Label}: {amount}" + (Steps[i].IsTotal ? string.Empty : $", running total {Value.Format(to)}"));
            canvas.Rect(x - (band * 0.35), top, band * 0.7, Math.Max(1, bottom - top), color);
            bool down = !Steps[i].IsTotal && to < from || Steps[i].IsTotal && to < 0;
            string label = TextWrap.Truncate(amount, f * 0.9, band - (f * 0.3));
            canvas.Text(x, down ? bottom + (f * 0.95) : top - (f * 0.35), label, f * 0.9, TextAnchor.Middle);
            canvas.EndGroup();
            if (i + 1 < n)
            {
                canvas.Line(x + (band * 0.35), plot.Y(to), x + (band * 0.65), plot.Y(to), Palette.Axis, 1, "2 2");
            }
        }

        canvas.EndGroup();
        string description = Describe(runs);
        return new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(runs), canvas.Labels, plot.Box);
    }

    private string Signed(double change) => (change >= 0 ? "+" : string.Empty) + Value.Format(change);

    private List<(double From, double To)> Running()
    {
        var result = new List<(double, double)>();
        double total = 0;
        foreach (var step in Steps)
        {
            if (step.IsTotal)
            {
                result.Add((0, total));
            }
            else
            {
                double amount = double.IsFinite(step.Amount) ? step.Amount : 0;
                result.Add((total, total + amount));
                total += amount;
            }
        }

        return result;
    }

    private string Describe(List<(double From, double To)> runs) =>
        Steps.Count == 0
            ? $"Waterfall of {Value.Title}: no steps."
            : $"Waterfall of {Value.Title}: " + string.Join("; ", Steps.Select((s, i) => s.IsTotal ? $"{s.Label} {Value.Format(runs[i].To)}" : $"{s.Label} {Signed(runs[i].To - runs[i].From)}")) + ".";

    private ChartTable Table(List<(double From, double To)> runs) =>
        new(Title, [ChartColumn.Text(StepName), ChartColumn.Of(Value.Named("Change")), ChartColumn.Of(Value.Named("Running total"))],
            Steps.Select((s, i) => (IReadOnlyList<ChartCell>)[ChartCell.Of(s.Label), ChartCell.Of(s.IsTotal ? double.NaN : runs[i].To - runs[i].From), ChartCell.Of(runs[i].To)]).ToList());
}
