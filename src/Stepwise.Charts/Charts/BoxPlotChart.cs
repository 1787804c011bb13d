using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// Horizontal box plots, one per group (a step, a team): the box from the lower to the upper quartile, the median as
/// a thick line, whiskers, and outliers as small rings (at most <see cref="MaxOutliersDrawn"/> per group, the rest
/// counted in the data table). Each group's label carries its count.
/// </summary>
public sealed record BoxPlotChart : Chart
{
    /// <summary>Outliers drawn per group at most.</summary>
    public const int MaxOutliersDrawn = 200;

    /// <summary>The measure of the values.</summary>
    public required Measure Value { get; init; }

    /// <summary>The groups, top to bottom.</summary>
    public required IReadOnlyList<BoxGroup> Groups { get; init; }

    /// <summary>The heading of the group column.</summary>
    public string GroupName { get; init; } = "Group";

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        var legend = new List<LegendItem>
        {
            new("Middle half (quartiles) and median", Palette.LightBlue, LegendSymbol.Box),
            new("Outlier (beyond 1.5 box lengths)", Palette.MutedText, LegendSymbol.Ring),
        };
        var frame = new ChartFrame(size, Title, Subtitle, legend, Notes);
        double f = frame.Font;
        var values = Groups.Where(g => g.Stats.Count > 0)
            .SelectMany(g => g.Stats.Outliers.Append(g.Stats.LowerWhisker).Append(g.Stats.UpperWhisker)).ToList();
        double low = values.Count == 0 ? 0 : values.Min(), high = values.Count == 0 ? 1 : values.Max();
        if (Value.Kind is MeasureKind.Count or MeasureKind.Duration or MeasureKind.Percent && low >= 0)
        {
            low = 0;
        }

        var labels = Groups.Select(g => $"{g.Label} (n={g.Stats.Count:N0})").ToList();
        var layout = HorizontalBands.Create(frame, labels, Value, low, high, f);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, layout.Height);
        layout.DrawAxes(canvas, frame, Value);
        double boxHeight = Math.Min(layout.Band * 0.55, f * 2);
        for (int i = 0; i < Groups.Count; i++)
        {
            var s = Groups[i].Stats;
            if (s.Count == 0)
            {
                continue;
            }

            double y = layout.BandY(i);
            canvas.BeginGroup("box", $"{Groups[i].Label}: median {Value.Format(s.Median)}, quartiles {Value.Format(s.Q1)} to {Value.Format(s.Q3)}, {s.Count:N0} values, {s.Outliers.Count:N0} outliers");
            canvas.Line(layout.X(s.LowerWhisker), y, layout.X(s.Q1), y, Palette.Text, 1.2);
            canvas.Line(layout.X(s.Q3), y, layout.X(s.UpperWhisker), y, Palette.Text, 1.2);
            canvas.Line(layout.X(s.LowerWhisker), y - (boxHeight / 4), layout.X(s.LowerWhisker), y + (boxHeight / 4), Palette.Text, 1.2);
            canvas.Line(layout.X(s.UpperWhisker), y - (boxHeight / 4), layout.X(s.UpperWhisker), y + (boxHeight / 4), Palette.Text, 1.2);
            canvas.Rect(layout.X(s.Q1), y - (boxHeight / 2), layout.X(s.Q3) - layout.X(s.Q1), boxHeight, Palette.LightBlue, Palette.Blue, 1.2);
            canvas.Line(layout.X(s.Median), y - (boxHeight / 2), layout.X(s.Median), y + (boxHeight / 2), Palette.Blue, 3);
            foreach (double o in Spread(s.Outliers))
            {
                canvas.Ring(layout.X(o), y, Math.Min(3, boxHeight / 5), Palette.MutedText, 1);
            }

            canvas.EndGroup();
        }

        string description = $"Box plots of {Value.Title} for {Groups.Count} groups. " + string.Join("; ", Groups.Where(g => g.Stats.Count > 0).Select(g => $"{g.Label}: median {Value.Format(g.Stats.Median)}, middle half {Value.Format(g.Stats.Q1)} to {Value.Format(g.Stats.Q3)}")) + ".";
        return new Figure(id, Title, description, canvas.Document(id, size.Width, layout.Height, Title, description), size.Width, layout.Height, Table(), canvas.Labels, layout.Box);
    }

    /// <summary>At most <see cref="MaxOutliersDrawn"/> outliers, evenly through the sorted list so the extremes stay.</summary>
    private static IEnumerable<double> Spread(IReadOnlyList<double> outliers)
    {
        if (outliers.Count <= MaxOutliersDrawn)
        {
            return outliers;
        }

        return Enumerable.Range(0, MaxOutliersDrawn).Select(i => outliers[(int)Math.Round(i * (outliers.Count - 1) / (double)(MaxOutliersDrawn - 1))]);
    }

    private ChartTable Table()
    {
        var columns = new List<ChartColumn>
        {
            ChartColumn.Text(GroupName), ChartColumn.Of(Measure.Count("Values")), ChartColumn.Of(Value.Named("Lower whisker")),
            ChartColumn.Of(Value.Named("Lower quartile")), ChartColumn.Of(Value.Named("Median")), ChartColumn.Of(Value.Named("Upper quartile")),
            ChartColumn.Of(Value.Named("Upper whisker")), ChartColumn.Of(Measure.Count("Outliers")),
        };
        var rows = Groups.Select(g => (IReadOnlyList<ChartCell>)
        [
            ChartCell.Of(g.Label), ChartCell.Of(g.Stats.Count), ChartCell.Of(g.Stats.LowerWhisker), ChartCell.Of(g.Stats.Q1),
            ChartCell.Of(g.Stats.Median), ChartCell.Of(g.Stats.Q3), ChartCell.Of(g.Stats.UpperWhisker), ChartCell.Of(g.Stats.Outliers.Count),
        ]).ToList();
        return new ChartTable(Title, columns, rows);
    }
}
