using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// Horizontal bars, one per category, with confidence intervals as whiskers and an optional reference line (a target
/// or a benchmark). Categories are drawn in the order given; long names wrap on the left.
/// </summary>
public sealed record BarChart : Chart
{
    /// <summary>The measure of the bars (its title and unit label the axis).</summary>
    public required Measure Value { get; init; }

    /// <summary>The bars, top to bottom.</summary>
    public required IReadOnlyList<Bar> Bars { get; init; }

    /// <summary>The heading of the category column in the data table.</summary>
    public string CategoryName { get; init; } = "Category";

    /// <summary>A reference value drawn as a dashed line (a target), or NaN.</summary>
    public double Reference { get; init; } = double.NaN;

    /// <summary>The reference line's name in the legend (e.g. <c>Target</c>).</summary>
    public string ReferenceName { get; init; } = "Target";

    /// <summary>The interval's name in the legend (e.g. <c>95% confidence interval</c>).</summary>
    public string IntervalName { get; init; } = "95% confidence interval";

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        bool intervals = Bars.Any(b => b.HasInterval);
        var legend = new List<LegendItem> { new(Value.Name, Palette.Blue, LegendSymbol.Box) };
        if (intervals)
        {
            legend.Add(new(IntervalName, Palette.Text, LegendSymbol.Line));
        }

        bool reference = double.IsFinite(Reference);
        if (reference)
        {
            legend.Add(new($"{ReferenceName} {Value.Format(Reference)}", Palette.Vermillion, LegendSymbol.Line, "6 3"));
        }

        var frame = new ChartFrame(size, Title, Subtitle, legend, Notes);
        double f = frame.Font;
        var values = Bars.SelectMany(b => new[] { b.Value, b.Lower, b.Upper }).Where(double.IsFinite).Append(0.0);
        if (reference)
        {
            values = values.Append(Reference);
        }

        double low = values.Min(), high = values.Max();
        double labelWidth = Bars.Select(b => TextMeasure.Width(Value.Format(b.Value), f)).DefaultIfEmpty(0).Max() + (f * 0.5);
        var layout = HorizontalBands.Create(frame, Bars.Select(b => b.Label).ToList(), Value, low, high, labelWidth);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, layout.Height);
        layout.DrawAxes(canvas, frame, Value);
        double barHeight = Math.Min(layout.Band * 0.62, f * 2.2);
        canvas.BeginGroup("bars");
        for (int i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            if (!double.IsFinite(bar.Value))
            {
                continue;
            }

            double y = layout.BandY(i);
            double x0 = layout.X(0), x1 = layout.X(bar.Value);
            canvas.BeginGroup("bar", $"{bar.Label}: {Describe(bar)}");
            canvas.Rect(Math.Min(x0, x1), y - (barHeight / 2), Math.Abs(x1 - x0), barHeight, Palette.Blue);
            double end = Math.Max(x0, x1);
            if (bar.HasInterval)
            {
                double l = layout.X(bar.Lower), u = layout.X(bar.Upper);
                Whisker(canvas, l, u, y, barHeight * 0.45);
                end = Math.Max(end, u);
            }

            canvas.Text(end + (f * 0.4), y + (f * 0.35), Value.Format(bar.Value), f);
            canvas.EndGroup();
        }

        canvas.EndGroup();
        if (reference)
        {
            double x = layout.X(Reference);
            canvas.Line(x, layout.PlotTop, x, layout.PlotBottom, Palette.Vermillion, 2, "6 3");
        }

        string description = Describe();
        return new Figure(id, Title, description, canvas.Document(id, size.Width, layout.Height, Title, description), size.Width, layout.Height, Table(), canvas.Labels, layout.Box);
    }

    /// <summary>An interval drawn up and down at <paramref name="x"/>, from <paramref name="from"/> to <paramref name="to"/> (plot y), with caps across.</summary>
    internal static void VerticalWhisker(SvgCanvas canvas, double x, double from, double to, double cap)
    {
        canvas.Line(x, from, x, to, Palette.Text, 1.5);
        canvas.Line(x - cap, from, x + cap, from, Palette.Text, 1.5);
        canvas.Line(x - cap, to, x + cap, to, Palette.Text, 1.5);
    }

    /// <summary>An interval drawn across at <paramref name="y"/>, from <paramref name="from"/> to <paramref name="to"/> (plot x), with caps up and down.</summary>
    internal static void Whisker(SvgCanvas canvas, double from, double to, double y, double cap)
    {
        canvas.Line(from, y, to, y, Palette.Text, 1.5);
        canvas.Line(from, y - cap, from, y + cap, Palette.Text, 1.5);
        canvas.Line(to, y - cap, to, y + cap, Palette.Text, 1.5);
    }

    private string Describe(Bar bar) =>
        bar.HasInterval ? $"{Value.Format(bar.Value)} ({Value.Format(bar.Lower)} to {Value.Format(bar.Upper)})" : Value.Format(bar.Value);

    private string Describe()
    {
        var shown = Bars.Where(b => double.IsFinite(b.Value)).ToList();
        if (shown.Count == 0)
        {
            return $"Bar chart of {Value.Title}: no values.";
        }

        var max = shown.MaxBy(b => b.Value)!;
        var min = shown.MinBy(b => b.Value)!;
        string text = $"Bar chart of {Value.Title} for {shown.Count} {CategoryName.ToLowerInvariant()} values. Highest: {max.Label}, {Describe(max)}. Lowest: {min.Label}, {Describe(min)}.";
        return double.IsFinite(Reference) ? text + $" {ReferenceName}: {Value.Format(Reference)}." : text;
    }

    private ChartTable Table()
    {
        bool intervals = Bars.Any(b => b.HasInterval);
        var columns = new List<ChartColumn> { ChartColumn.Text(CategoryName), ChartColumn.Of(Value) };
        if (intervals)
        {
            columns.Add(ChartColumn.Of(Value.Named("Lower bound")));
            columns.Add(ChartColumn.Of(Value.Named("Upper bound")));
        }

        var rows = Bars.Select(b => (IReadOnlyList<ChartCell>)(intervals
            ? [ChartCell.Of(b.Label), ChartCell.Of(b.Value), ChartCell.Of(b.Lower), ChartCell.Of(b.Upper)]
            : [ChartCell.Of(b.Label), ChartCell.Of(b.Value)])).ToList();
        return new ChartTable(Title, columns, rows);
    }
}
