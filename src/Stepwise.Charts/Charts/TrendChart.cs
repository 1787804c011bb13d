using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// Values over periods as lines with markers (a different colour, dash and marker per series), intervals as a shaded
/// band, and an optional target line. Period labels are thinned when there are too many to write side by side.
/// </summary>
public sealed record TrendChart : Chart
{
    /// <summary>The measure of the values.</summary>
    public required Measure Value { get; init; }

    /// <summary>The periods, oldest first (e.g. <c>2023-11</c>).</summary>
    public required IReadOnlyList<string> Periods { get; init; }

    /// <summary>The lines; each has one value per period.</summary>
    public required IReadOnlyList<TrendSeries> Series { get; init; }

    /// <summary>The heading of the period column and the x axis.</summary>
    public string PeriodName { get; init; } = "Period";

    /// <summary>A target drawn as a dashed line, or NaN.</summary>
    public double Target { get; init; } = double.NaN;

    /// <summary>The target's name in the legend.</summary>
    public string TargetName { get; init; } = "Target";

    /// <summary>Whether the value axis starts at zero (default: for counts and percentages).</summary>
    public bool? StartAtZero { get; init; }

    private static readonly MarkerShape[] Shapes = [MarkerShape.Circle, MarkerShape.Square, MarkerShape.Diamond, MarkerShape.Triangle];

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        foreach (var s in Series)
        {
            if (s.Values.Count != Periods.Count || (s.Lower?.Count ?? Periods.Count) != Periods.Count || (s.Upper?.Count ?? Periods.Count) != Periods.Count)
            {
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {Periods.Count} periods.");
            }
        }

        var legend = new List<LegendItem>();
        for (int i = 0; i < Series.Count; i++)
        {
            legend.Add(new(Series[i].Name, Palette.SeriesColor(i), LegendSymbol.LineWithMarker, Palette.SeriesDash(i), Shapes[i % Shapes.Length]));
        }

        if (Series.Any(s => s.HasInterval))
        {
            legend.Add(new("95% confidence interval", Palette.LightBlue, LegendSymbol.Box));
        }

        bool target = double.IsFinite(Target);
        if (target)
        {
            legend.Add(new($"{TargetName} {Value.Format(Target)}", Palette.Vermillion, LegendSymbol.Line, "6 3"));
        }

        var frame = new ChartFrame(size, Title, Subtitle, legend, Notes);
        double f = frame.Font;
        var values = Series.SelectMany(s => s.Values.Concat(s.Lower ?? []).Concat(s.Upper ?? [])).Where(double.IsFinite).ToList();
        if (target)
        {
            values.Add(Target);
        }

        if (StartAtZero ?? Value.Kind is MeasureKind.Count or MeasureKind.Percent)
        {
            values.Add(0);
        }

        double low = values.Count == 0 ? 0 : values.Min(), high = values.Count == 0 ? 1 : values.Max();
        var plot = VerticalPlot.Create(frame, Value, low, high, Periods, f * 2);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, plot.Height);
        plot.DrawAxes(canvas, frame, Value, PeriodName, Periods.Count);
        int n = Periods.Count;
        for (int s = 0; s < Series.Count; s++)
        {
            var series = Series[s];
            canvas.BeginGroup("series", series.Name);
            if (series.HasInterval)
            {
                foreach (var run in Runs(n, i => double.IsFinite(series.Lower![i]) && double.IsFinite(series.Upper![i])))
                {
                    var band = run.Select(i => (plot.CategoryX(i, n), plot.Y(series.Upper![i])))
                        .Concat(run.AsEnumerable().Reverse().Select(i => (plot.CategoryX(i, n), plot.Y(series.Lower![i])))).ToList();
                    if (run.Count == 1)
                    {
                        BarChart.VerticalWhisker(canvas, plot.CategoryX(run[0], n), plot.Y(series.Lower![run[0]]), plot.Y(series.Upper![run[0]]), f * 0.3);
                    }
                    else
                    {
                        canvas.Polygon(band, Palette.SeriesColor(s), 0.18);
                    }
                }
            }

            foreach (var run in Runs(n, i => double.IsFinite(series.Values[i])))
            {
                canvas.Polyline(run.Select(i => (plot.CategoryX(i, n), plot.Y(series.Values[i]))).ToList(), Palette.SeriesColor(s), 2, Palette.SeriesDash(s));
            }

            double radius = Math.Clamp(plot.PlotWidth / n / 4, 1.5, f * 0.3);
            for (int i = 0; i < n; i++)
            {
                if (double.IsFinite(series.Values[i]))
                {
                    canvas.Marker(Shapes[s % Shapes.Length], plot.CategoryX(i, n), plot.Y(series.Values[i]), radius, Palette.SeriesColor(s));
                }
            }

            canvas.EndGroup();
        }

        if (target)
        {
            canvas.Line(plot.PlotLeft, plot.Y(Target), plot.PlotRight, plot.Y(Target), Palette.Vermillion, 2, "6 3");
        }

        string description = Describe();
        return new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(), canvas.Labels, plot.Box);
    }

    /// <summary>Runs of consecutive indexes where <paramref name="present"/> holds (lines break at gaps).</summary>
    internal static List<List<int>> Runs(int count, Func<int, bool> present)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (int i = 0; i < count; i++)
        {
            if (present(i))
            {
                current ??= [];
                current.Add(i);
            }
            else if (current is not null)
            {
                runs.Add(current);
                current = null;
            }
        }

        if (current is not null)
        {
            runs.Add(current);
        }

        return runs;
    }

    private string Describe()
    {
        var parts = new List<string>();
        foreach (var s in Series)
        {
            int first = Enumerable.Range(0, Periods.Count).FirstOrDefault(i => double.IsFinite(s.Values[i]), -1);
            int last = Enumerable.Range(0, Periods.Count).LastOrDefault(i => double.IsFinite(s.Values[i]), -1);
            if (first >= 0)
            {
                parts.Add(first == last
                    ? $"{s.Name} {Value.Format(s.Values[first])} in {Periods[first]}"
                    : $"{s.Name} from {Value.Format(s.Values[first])} in {Periods[first]} to {Value.Format(s.Values[last])} in {Periods[last]}");
            }
        }

        string text = (Periods.Count == 1 ? $"{Value.Title} in one period, the first of a trend. " : $"Trend of {Value.Title} over {Periods.Count} periods. ") + (parts.Count == 0 ? "No values." : string.Join("; ", parts) + ".");
        return double.IsFinite(Target) ? text + $" {TargetName}: {Value.Format(Target)}." : text;
    }

    private ChartTable Table()
    {
        var columns = new List<ChartColumn> { ChartColumn.Text(PeriodName) };
        foreach (var s in Series)
        {
            columns.Add(ChartColumn.Of(Value.Named(s.Name)));
            if (s.HasInterval)
            {
                columns.Add(ChartColumn.Of(Value.Named($"{s.Name} lower bound")));
                columns.Add(ChartColumn.Of(Value.Named($"{s.Name} upper bound")));
            }
        }

        var rows = new List<IReadOnlyList<ChartCell>>();
        for (int i = 0; i < Periods.Count; i++)
        {
            var row = new List<ChartCell> { ChartCell.Of(Periods[i]) };
            foreach (var s in Series)
            {
                row.Add(ChartCell.Of(s.Values[i]));
                if (s.HasInterval)
                {
                    row.Add(ChartCell.Of(s.Lower![i]));
                    row.Add(ChartCell.Of(s.Upper![i]));
                }
            }

            rows.Add(row);
        }

        return new ChartTable(Title, columns, rows);
    }
}
