using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// The importance-performance grid (Martilla and James, 1977): each feature placed by its performance (across) and its
/// importance (up), split into four quadrants at fixed points the reader can name, such as the scale's midpoint or
/// the target for performance and an equal share for importance, not at the items' own means, so a feature's quadrant
/// does not change because other features were added. Labels that cannot be placed clear of every other label and
/// point are numbered and listed under the chart.
/// </summary>
public sealed record ImportancePerformanceChart : Chart
{
    /// <summary>The performance measure (x axis).</summary>
    public required Measure Performance { get; init; }

    /// <summary>The importance measure (y axis).</summary>
    public required Measure Importance { get; init; }

    /// <summary>The features.</summary>
    public required IReadOnlyList<GridItem> Items { get; init; }

    /// <summary>Where performance is split (e.g. the scale midpoint or the target).</summary>
    public required double PerformanceSplit { get; init; }

    /// <summary>What the performance split is, for the note (e.g. <c>the scale midpoint</c>).</summary>
    public string PerformanceSplitName { get; init; } = "the scale midpoint";

    /// <summary>Where importance is split (e.g. an equal share, 1 / number of features).</summary>
    public required double ImportanceSplit { get; init; }

    /// <summary>What the importance split is, for the note (e.g. <c>an equal share of the explained variance</c>).</summary>
    public string ImportanceSplitName { get; init; } = "an equal share";

    /// <summary>The performance axis range (e.g. the whole scale); NaN bounds fit the data.</summary>
    public (double Low, double High) PerformanceRange { get; init; } = (double.NaN, double.NaN);

    /// <summary>The heading of the feature column.</summary>
    public string ItemName { get; init; } = "Feature";

    /// <summary>The quadrant names: important and below the split, important and above, less important and below,
    /// less important and above.</summary>
    public static readonly string[] QuadrantNames = ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"];

    /// <summary>The quadrant of an item: 0 concentrate here, 1 keep up the good work, 2 low priority, 3 possible overkill.</summary>
    public int QuadrantOf(GridItem item) =>
        (item.Importance >= ImportanceSplit ? 0 : 2) + (item.Performance >= PerformanceSplit ? 1 : 0);

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        var numbered = new SortedSet<int>();
        for (int pass = 0; ; pass++)
        {
            var (figure, failed) = Attempt(size, id, numbered);
            if (failed.Count == 0 || pass >= 5)
            {
                return figure;
            }

            numbered.UnionWith(failed);
        }
    }

    private (Figure Figure, List<int> Failed) Attempt(ChartSize size, string id, SortedSet<int> numbered)
    {
        var notes = new List<string>
        {
            $"Quadrants split at {Performance.Format(PerformanceSplit)} performance ({PerformanceSplitName}) and {Importance.Format(ImportanceSplit)} importance ({ImportanceSplitName}).",
        };
        if (numbered.Count > 0)
        {
            notes.Add(string.Join("; ", numbered.Select(i => $"{Number(i, numbered)} {Items[i].Label}")) + ".");
        }

        notes.AddRange(Notes);
        var frame = new ChartFrame(size, Title, Subtitle, [], notes);
        double f = frame.Font;
        var ys = Items.Select(i => i.Importance).Where(double.IsFinite).Append(ImportanceSplit).Append(0.0).ToList();
        var plot = VerticalPlot.Create(frame, Importance, ys.Min(), ys.Max(), null, f * 2);
        var xs = Items.Select(i => i.Performance).Where(double.IsFinite).Append(PerformanceSplit).ToList();
        double xLow = double.IsFinite(PerformanceRange.Low) ? PerformanceRange.Low : xs.Min();
        double xHigh = double.IsFinite(PerformanceRange.High) ? PerformanceRange.High : xs.Max();
        var xScale = Axes.Horizontal(xLow, xHigh, plot.PlotWidth, f, Performance);
        double X(double v) => plot.PlotLeft + ((v - xScale.Min) / (xScale.Max - xScale.Min) * plot.PlotWidth);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, plot.Height);
        plot.DrawAxes(canvas, frame, Importance, Performance.Title, 0);
        canvas.BeginGroup("axis-x");
        foreach (double tick in xScale.Ticks)
        {
            canvas.Line(X(tick), plot.PlotTop, X(tick), plot.PlotBottom, Palette.Grid, 1);
            canvas.Text(X(tick), plot.PlotBottom + (f * 1.45), Performance.Tick(tick, xScale.Decimals), f, TextAnchor.Middle, fill: Palette.MutedText);
        }

        canvas.EndGroup();
        double sx = X(PerformanceSplit), sy = plot.Y(ImportanceSplit);
        canvas.Line(sx, plot.PlotTop, sx, plot.PlotBottom, Palette.Axis, 1.5, "6 3");
        canvas.Line(plot.PlotLeft, sy, plot.PlotRight, sy, Palette.Axis, 1.5, "6 3");
        var taken = new List<LabelBox>();
        double caption = f * 0.95;
        taken.Add(canvas.Text(plot.PlotLeft + (f * 0.4), plot.PlotTop + (f * 1.1), QuadrantNames[0], caption, bold: true, fill: Palette.MutedText));
        taken.Add(canvas.Text(plot.PlotRight - (f * 0.4), plot.PlotTop + (f * 1.1), QuadrantNames[1], caption, TextAnchor.End, bold: true, fill: Palette.MutedText));
        taken.Add(canvas.Text(plot.PlotLeft + (f * 0.4), plot.PlotBottom - (f * 0.5), QuadrantNames[2], caption, bold: true, fill: Palette.MutedText));
        taken.Add(canvas.Text(plot.PlotRight - (f * 0.4), plot.PlotBottom - (f * 0.5), QuadrantNames[3], caption, TextAnchor.End, bold: true, fill: Palette.MutedText));
        double r = f * 0.35;
        var points = Items.Select(i => (X: X(i.Performance), Y: plot.Y(i.Importance))).ToList();
        foreach (var p in points)
        {
            taken.Add(new LabelBox(p.X - r, p.Y - r, 2 * r, 2 * r, "point"));
        }

        var failed = new List<int>();
        canvas.BeginGroup("items");
        for (int i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (!double.IsFinite(item.Performance) || !double.IsFinite(item.Importance))
            {
                continue;
            }

            var (x, y) = points[i];
            canvas.BeginGroup("item", $"{item.Label}: performance {Performance.Format(item.Performance)}, importance {Importance.Format(item.Importance)}, {QuadrantNames[QuadrantOf(item)]}");
            canvas.Marker(MarkerShape.Circle, x, y, r, QuadrantOf(item) == 0 ? Palette.Vermillion : Palette.Blue);
            string text = numbered.Contains(i) ? Number(i, numbered) : item.Label;
            if (!Place(canvas, taken, text, x, y, r, f * 0.9, plot.Box))
            {
                failed.Add(i);
            }

            canvas.EndGroup();
        }

        canvas.EndGroup();
        string description = Describe();
        var figure = new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(), canvas.Labels, plot.Box);
        return (figure, failed);
    }

    private static string Number(int index, SortedSet<int> numbered) => (numbered.TakeWhile(i => i != index).Count() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool Place(SvgCanvas canvas, List<LabelBox> taken, string text, double x, double y, double r, double size, LabelBox plot)
    {
        double w = TextMeasure.Width(text, size), h = size * (SvgCanvas.Ascent + SvgCanvas.Descent), gap = r + 3;
        // Right, left, above, below, then the four diagonals: (left edge, top edge) of the box.
        (double L, double T)[] candidates =
        [
            (x + gap, y - (h / 2)), (x - gap - w, y - (h / 2)), (x - (w / 2), y - gap - h), (x - (w / 2), y + gap),
            (x + gap * 0.7, y - gap * 0.7 - h), (x - gap * 0.7 - w, y - gap * 0.7 - h), (x + gap * 0.7, y + gap * 0.7), (x - gap * 0.7 - w, y + gap * 0.7),
        ];
        foreach (var (left, top) in candidates)
        {
            var box = new LabelBox(left, top, w, h, text);
            if (box.X < plot.X || box.Right > plot.Right || box.Y < plot.Y || box.Bottom > plot.Bottom || taken.Any(t => t.Overlaps(box)))
            {
                continue;
            }

            taken.Add(box);
            canvas.Text(left, top + (SvgCanvas.Ascent * size), text, size);
            return true;
        }

        return false;
    }

    private string Describe()
    {
        var parts = new List<string>();
        for (int q = 0; q < 4; q++)
        {
            var names = Items.Where(i => double.IsFinite(i.Performance) && double.IsFinite(i.Importance) && QuadrantOf(i) == q).Select(i => i.Label).ToList();
            if (names.Count > 0)
            {
                parts.Add($"{QuadrantNames[q]}: {string.Join(", ", names)}");
            }
        }

        return $"Importance-performance grid of {Items.Count} features, split at {Performance.Format(PerformanceSplit)} performance ({PerformanceSplitName}) and {Importance.Format(ImportanceSplit)} importance ({ImportanceSplitName}). " + string.Join(". ", parts) + ".";
    }

    private ChartTable Table() =>
        new(Title, [ChartColumn.Text(ItemName), ChartColumn.Of(Performance), ChartColumn.Of(Importance), ChartColumn.Text("Quadrant")],
            Items.Select(i => (IReadOnlyList<ChartCell>)[ChartCell.Of(i.Label), ChartCell.Of(i.Performance), ChartCell.Of(i.Importance), ChartCell.Of(QuadrantNames[QuadrantOf(i)])]).ToList());
}
