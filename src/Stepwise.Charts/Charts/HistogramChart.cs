using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// The distribution of a measure as adjacent bars over equal bins with round edges (steps of 1, 2 or 5), on a numeric
/// axis. <see cref="FromValues"/> bins raw values and states in a note how many lie beyond a cut-off, so a long tail
/// does not flatten the picture without the reader knowing.
/// </summary>
public sealed record HistogramChart : Chart
{
    /// <summary>The measure binned (the x axis).</summary>
    public required Measure Value { get; init; }

    /// <summary>The bins, in ascending order, adjacent.</summary>
    public required IReadOnlyList<HistogramBin> Bins { get; init; }

    /// <summary>What is counted (the y axis), e.g. <c>Cases</c>.</summary>
    public string CountName { get; init; } = "Count";

    /// <summary>Bins the finite values of <paramref name="values"/> into about <paramref name="bins"/> bins of a round
    /// width. Values above <paramref name="upperLimit"/> (e.g. the 99th percentile) are left out and counted in a note.</summary>
    public static HistogramChart FromValues(string title, Measure value, IEnumerable<double> values, string countName = "Count", int bins = 20, double upperLimit = double.PositiveInfinity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var all = values.Where(double.IsFinite).ToList();
        var shown = all.Where(v => v <= upperLimit).ToList();
        int above = all.Count - shown.Count;
        var result = new List<HistogramBin>();
        if (shown.Count > 0)
        {
            double min = shown.Min(), max = shown.Max();
            double width = max > min ? NiceScale.NiceStep((max - min) / bins) : 1;
            double start = Math.Floor(min / width) * width;
            int count = Math.Max(1, (int)Math.Floor((max - start) / width) + 1);
            var counts = new int[count];
            foreach (double v in shown)
            {
                counts[Math.Min(count - 1, (int)Math.Floor((v - start) / width))]++;
            }

            for (int i = 0; i < count; i++)
            {
                result.Add(new HistogramBin(Math.Round(start + (i * width), 10), Math.Round(start + ((i + 1) * width), 10), counts[i]));
            }
        }

        var notes = new List<string> { $"{shown.Count:N0} values in bins of {value.Format(result.Count > 0 ? result[0].Upper - result[0].Lower : 0)}." };
        if (above > 0)
        {
            notes.Add($"{above:N0} values above {value.Format(upperLimit)} are not shown.");
        }

        return new HistogramChart { Title = title, Value = value, Bins = result, CountName = countName, Notes = notes };
    }

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        var count = Measure.Count(CountName);
        var frame = new ChartFrame(size, Title, Subtitle, [], Notes);
        double f = frame.Font;
        double high = Bins.Select(b => (double)b.Count).DefaultIfEmpty(1).Max();
        var plot = VerticalPlot.Create(frame, count, 0, Math.Max(1, high), null, f * 2);
        double lo = Bins.Count > 0 ? Bins[0].Lower : 0, hi = Bins.Count > 0 ? Bins[^1].Upper : 1;
        var xScale = Axes.Horizontal(lo, hi, plot.PlotWidth, f, Value);
        double X(double v) => plot.PlotLeft + ((v - xScale.Min) / (xScale.Max - xScale.Min) * plot.PlotWidth);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, plot.Height);
        plot.DrawAxes(canvas, frame, count, Value.Title, 0);
        canvas.BeginGroup("axis-x");
        foreach (double tick in xScale.Ticks)
        {
            canvas.Line(X(tick), plot.PlotBottom, X(tick), plot.PlotBottom + 4, Palette.Axis, 1);
            canvas.Text(X(tick), plot.PlotBottom + (f * 1.45), Value.Tick(tick, xScale.Decimals), f, TextAnchor.Middle, fill: Palette.MutedText);
        }

        canvas.EndGroup();
        canvas.BeginGroup("bins");
        foreach (var bin in Bins)
        {
            canvas.BeginGroup("bin", $"{Value.Format(bin.Lower)} to {Value.Format(bin.Upper)}: {bin.Count:N0}");
            canvas.Rect(X(bin.Lower), plot.Y(bin.Count), X(bin.Upper) - X(bin.Lower), plot.Y(0) - plot.Y(bin.Count), Palette.Blue, Palette.Background, 0.5);
            canvas.EndGroup();
        }

        canvas.EndGroup();
        string description = Describe();
        return new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(count), canvas.Labels, plot.Box);
    }

    private string Describe()
    {
        if (Bins.Count == 0)
        {
            return $"Histogram of {Value.Title}: no values.";
        }

        var mode = Bins.MaxBy(b => b.Count)!;
        return $"Histogram of {Value.Title}: {Bins.Sum(b => b.Count):N0} values from {Value.Format(Bins[0].Lower)} to {Value.Format(Bins[^1].Upper)} in {Bins.Count} bins; the most common range is {Value.Format(mode.Lower)} to {Value.Format(mode.Upper)} ({mode.Count:N0}).";
    }

    private ChartTable Table(Measure count) =>
        new(Title, [ChartColumn.Of(Value.Named("From")), ChartColumn.Of(Value.Named("To")), ChartColumn.Of(count)],
            Bins.Select(b => (IReadOnlyList<ChartCell>)[ChartCell.Of(b.Lower), ChartCell.Of(b.Upper), ChartCell.Of(b.Count)]).ToList());
}
