using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// A Pareto chart: categories as bars from largest to smallest, the cumulative share as a line on a second axis
/// (0 to 100%), and a dashed line at 80%. Beyond <see cref="MaxBars"/> the smallest categories are combined into one
/// bar named <see cref="OtherName"/>.
/// </summary>
public sealed record ParetoChart : Chart
{
    /// <summary>The measure of the bars.</summary>
    public required Measure Value { get; init; }

    /// <summary>The categories (any order; drawn largest first, ties by name).</summary>
    public required IReadOnlyList<ParetoItem> Items { get; init; }

    /// <summary>The heading of the category column and the x axis.</summary>
    public string CategoryName { get; init; } = "Category";

    /// <summary>The most bars drawn; the rest are combined.</summary>
    public int MaxBars { get; init; } = 12;

    /// <summary>The name of the combined bar.</summary>
    public string OtherName { get; init; } = "All others";

    /// <summary>The items as drawn: sorted, the tail combined.</summary>
    public IReadOnlyList<ParetoItem> Ordered()
    {
        var sorted = Items.Where(i => double.IsFinite(i.Value)).OrderByDescending(i => i.Value).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
        if (sorted.Count <= MaxBars)
        {
            return sorted;
        }

        var kept = sorted.Take(MaxBars - 1).ToList();
        kept.Add(new ParetoItem($"{OtherName} ({sorted.Count - kept.Count})", sorted.Skip(MaxBars - 1).Sum(i => i.Value)));
        return kept;
    }

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        var items = Ordered();
        var share = Measure.Percent("Cumulative share");
        var legend = new List<LegendItem>
        {
            new(Value.Name, Palette.Blue, LegendSymbol.Box),
            new("Cumulative share (right axis)", Palette.Orange, LegendSymbol.LineWithMarker, Shape: MarkerShape.Diamond),
            new("80% of the total", Palette.MutedText, LegendSymbol.Line, "4 3"),
        };
        var frame = new ChartFrame(size, Title, Subtitle, legend, Notes);
        double f = frame.Font;
        double rightAxis = TextMeasure.Width("100%", f) + (f * 1.0) + (f * 1.5);
        double total = items.Sum(i => i.Value);
        double high = items.Select(i => i.Value).DefaultIfEmpty(1).Max();
        var plot = VerticalPlot.Create(frame, Value, 0, high, items.Select(i => i.Label).ToList(), rightAxis);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, plot.Height);
        plot.DrawAxes(canvas, frame, Value, CategoryName, items.Count);
        var shareScale = new NiceScale(0, 1, 0.2);
        double ShareY(double v) => plot.PlotBottom - (v * (plot.PlotBottom - plot.PlotTop));
        Axes.DrawRight(canvas, shareScale, ShareY, plot.PlotRight, share, f);
        canvas.Text(plot.PlotRight + rightAxis - (f * 0.3), (plot.PlotTop + plot.PlotBottom) / 2, TextWrap.Truncate(share.Title, f, plot.PlotBottom - plot.PlotTop), f, TextAnchor.Middle, vertical: true);
        int n = items.Count;
        double band = plot.PlotWidth / Math.Max(1, n);
        var line = new List<(double, double)>();
        double cumulative = 0;
        canvas.BeginGroup("bars");
        for (int i = 0; i < n; i++)
        {
            cumulative += items[i].Value;
            double x = plot.CategoryX(i, n);
            canvas.BeginGroup("bar", $"{items[i].Label}: {Value.Format(items[i].Value)}, cumulative {share.Format(total > 0 ? cumulative / total : 0)}");
            canvas.Rect(x - (band * 0.35), plot.Y(items[i].Value), band * 0.7, plot.Y(0) - plot.Y(items[i].Value), Palette.Blue);
            canvas.EndGroup();
            line.Add((x, ShareY(total > 0 ? cumulative / total : 0)));
        }

        canvas.EndGroup();
        canvas.Line(plot.PlotLeft, ShareY(0.8), plot.PlotRight, ShareY(0.8), Palette.MutedText, 1, "4 3");
        canvas.Polyline(line, Palette.Orange, 2);
        foreach (var (x, y) in line)
        {
            canvas.Marker(MarkerShape.Diamond, x, y, Math.Min(f * 0.3, band / 4), Palette.Orange);
        }

        string description = Describe(items, total);
        return new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(items, total, share), canvas.Labels, plot.Box);
    }

    private string Describe(IReadOnlyList<ParetoItem> items, double total)
    {
        if (items.Count == 0 || total <= 0)
        {
            return $"Pareto chart of {Value.Title}: no values.";
        }

        double cumulative = 0;
        int k = 0;
        while (k < items.Count && cumulative < 0.8 * total)
        {
            cumulative += items[k++].Value;
        }

        return $"Pareto chart of {Value.Title} over {items.Count} {CategoryName.ToLowerInvariant()} values, total {Value.Format(total)}. The largest is {items[0].Label} ({Value.Format(items[0].Value)}); the first {k} account for {Measure.Percent("share").Format(cumulative / total)} of the total.";
    }

    private ChartTable Table(IReadOnlyList<ParetoItem> items, double total, Measure share)
    {
        double cumulative = 0;
        var rows = new List<IReadOnlyList<ChartCell>>();
        foreach (var item in items)
        {
            cumulative += item.Value;
            rows.Add([ChartCell.Of(item.Label), ChartCell.Of(item.Value), ChartCell.Of(total > 0 ? item.Value / total : double.NaN), ChartCell.Of(total > 0 ? cumulative / total : double.NaN)]);
        }

        return new ChartTable(Title, [ChartColumn.Text(CategoryName), ChartColumn.Of(Value), ChartColumn.Of(Measure.Percent("Share", 1)), ChartColumn.Of(share.Named("Cumulative share") with { })], rows);
    }
}
