using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// The importance-performance grid (Martilla and James, 1977): each feature placed by its performance (across) and its
/// importance (up), split into four quadrants at fixed points the reader can name, such as the scale's midpoint or
/// the target for performance and an equal share for importance, not at the items' own means, so a feature's quadrant
/// does not change because other features were added. Every point carries its number (1 the most important; the same
/// in the data table, whatever the size or format), with its name where it fits clear of every other label and point;
/// the names that do not fit are listed under the chart.
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

    /// <summary>
    /// Each item's number, the same on the chart, in its table and in every format and size: 1 for the most important,
    /// then down by importance (equal importance by label); items without an importance come last, in their order.
    /// </summary>
    public IReadOnlyList<int> Numbers => Numbering(Items);

    /// <summary>The numbers of <paramref name="items"/> (see <see cref="Numbers"/>), by the items' order.</summary>
    public static IReadOnlyList<int> Numbering(IReadOnlyList<GridItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var order = Enumerable.Range(0, items.Count)
            .OrderBy(i => double.IsFinite(items[i].Importance) ? 0 : 1)
            .ThenByDescending(i => double.IsFinite(items[i].Importance) ? items[i].Importance : 0)
            .ThenBy(i => items[i].Label, StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToList();
        var numbers = new int[items.Count];
        for (int rank = 0; rank < order.Count; rank++)
        {
            numbers[order[rank]] = rank + 1;
        }

        return numbers;
    }

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        // Every point carries its number; its name too where it fits. A point whose name does not fit shows its number
        // alone and is named in the note under the chart, which changes the chart's height: so lay out again until the
        // note names every point shown by number alone.
        var numbers = Numbering(Items);
        var numberOnly = new SortedSet<int>();
        for (int pass = 0; ; pass++)
        {
            var (figure, shortened) = Attempt(size, id, numbers, numberOnly);
            if (numberOnly.IsSupersetOf(shortened) || pass >= 5)
            {
                return figure;
            }

            numberOnly.UnionWith(shortened);
        }
    }

    private (Figure Figure, List<int> Shortened) Attempt(ChartSize size, string id, IReadOnlyList<int> numbers, SortedSet<int> numberOnly)
    {
        var notes = new List<string>
        {
            $"Quadrants split at {Performance.Format(PerformanceSplit)} performance ({PerformanceSplitName}) and {Importance.Format(ImportanceSplit)} importance ({ImportanceSplitName}). Numbers: 1 is the most important.",
        };
        if (numberOnly.Count > 0)
        {
            // The names of the points shown by number alone, where they fit in the four lines a note may take; else
            // the data table (numbered the same) names them.
            string key = string.Join("; ", numberOnly.OrderBy(i => numbers[i]).Select(i => $"{Text(numbers[i])} {Items[i].Label}")) + ".";
            double inner = size.Width - (2 * Math.Round(size.FontSize * 1.1, 2));
            notes.Add(TextWrap.Wrap(key, size.FontSize * 0.9, inner, int.MaxValue).Count <= 4
                ? key
                : $"{Counted(numberOnly.Count)} shown by number alone: the table of the features names them, numbered the same.");
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
        double r = f * 0.35, textSize = f * 0.9;
        var shown = Enumerable.Range(0, Items.Count).Where(i => double.IsFinite(Items[i].Performance) && double.IsFinite(Items[i].Importance)).ToList();
        var points = Items.Select(i => (X: X(i.Performance), Y: plot.Y(i.Importance))).ToList();
        foreach (int i in shown)
        {
            taken.Add(new LabelBox(points[i].X - r, points[i].Y - r, 2 * r, 2 * r, "point"));
        }

        // Places first the names (most important first, so they get the places nearest their points), then the
        // numbers alone of the points whose names did not fit, searching further out with a leader line if need be.
        var places = new Dictionary<int, (LabelBox Box, bool Far)>();
        var shortened = new List<int>();
        foreach (int i in shown.OrderBy(i => numbers[i]))
        {
            if (!numberOnly.Contains(i) && Near(taken, $"{Text(numbers[i])} {Items[i].Label}", points[i].X, points[i].Y, r, textSize, plot.Box) is { } box)
            {
                places[i] = (box, false);
            }
        }

        foreach (int i in shown.Where(i => !places.ContainsKey(i)).OrderBy(i => numbers[i]))
        {
            shortened.Add(i);
            string text = Text(numbers[i]);
            if (Near(taken, text, points[i].X, points[i].Y, r, textSize, plot.Box) is { } near)
            {
                places[i] = (near, false);
            }
            else if (Far(taken, text, points[i].X, points[i].Y, r, textSize, plot.Box) is { } far)
            {
                places[i] = (far, true);
            }
        }

        canvas.BeginGroup("items");
        foreach (int i in shown.OrderBy(i => numbers[i]))
        {
            var item = Items[i];
            var (x, y) = points[i];
            canvas.BeginGroup("item", $"{Text(numbers[i])} {item.Label}: performance {Performance.Format(item.Performance)}, importance {Importance.Format(item.Importance)}, {QuadrantNames[QuadrantOf(item)]}");
            if (places.TryGetValue(i, out var place) && place.Far)
            {
                // The leader from the point's edge to the nearest point of the label's box.
                double lx = Math.Clamp(x, place.Box.X, place.Box.Right), ly = Math.Clamp(y, place.Box.Y, place.Box.Bottom);
                double d = Math.Sqrt(((lx - x) * (lx - x)) + ((ly - y) * (ly - y)));
                canvas.Line(x + ((lx - x) * r / d), y + ((ly - y) * r / d), lx, ly, Palette.MutedText, 0.75);
            }

            canvas.Marker(MarkerShape.Circle, x, y, r, QuadrantOf(item) == 0 ? Palette.Vermillion : Palette.Blue);
            if (places.TryGetValue(i, out place))
            {
                canvas.Text(place.Box.X, place.Box.Y + (SvgCanvas.Ascent * textSize), place.Box.Text, textSize);
            }
            else
            {
                // No free place anywhere in the plot (points packed edge to edge): the number on the point itself,
                // so that no point goes unnamed.
                canvas.Text(x, y + ((SvgCanvas.Ascent - 0.5) * textSize), Text(numbers[i]), textSize, TextAnchor.Middle, bold: true);
            }

            canvas.EndGroup();
        }

        canvas.EndGroup();
        string description = Describe(numbers);
        var figure = new Figure(id, Title, description, canvas.Document(id, size.Width, plot.Height, Title, description), size.Width, plot.Height, Table(numbers), canvas.Labels, plot.Box);
        return (figure, shortened);
    }

    private static string Counted(int count) => count == 1 ? "One point is" : $"{Text(count)} points are";

    private static string Text(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A free place for the text beside the point: right, left, above, below, then the four diagonals.</summary>
    private static LabelBox? Near(List<LabelBox> taken, string text, double x, double y, double r, double size, LabelBox plot)
    {
        double w = TextMeasure.Width(text, size), h = size * (SvgCanvas.Ascent + SvgCanvas.Descent), gap = r + 3;
        (double L, double T)[] candidates =
        [
            (x + gap, y - (h / 2)), (x - gap - w, y - (h / 2)), (x - (w / 2), y - gap - h), (x - (w / 2), y + gap),
            (x + (gap * 0.7), y - (gap * 0.7) - h), (x - (gap * 0.7) - w, y - (gap * 0.7) - h), (x + (gap * 0.7), y + (gap * 0.7)), (x - (gap * 0.7) - w, y + (gap * 0.7)),
        ];
        foreach (var (left, top) in candidates)
        {
            if (Free(taken, new LabelBox(left, top, w, h, text), plot) is { } box)
            {
                return box;
            }
        }

        return null;
    }

    /// <summary>A free place further out, on rings of growing radius around the point (sixteen directions each), for a
    /// label joined to its point by a leader line.</summary>
    private static LabelBox? Far(List<LabelBox> taken, string text, double x, double y, double r, double size, LabelBox plot)
    {
        double w = TextMeasure.Width(text, size), h = size * (SvgCanvas.Ascent + SvgCanvas.Descent), step = Math.Max(h, r * 2);
        double reach = Math.Sqrt((plot.Width * plot.Width) + (plot.Height * plot.Height));
        for (double radius = r + 3 + step; radius <= reach; radius += step)
        {
            for (int k = 0; k < 16; k++)
            {
                double angle = k * Math.PI / 8;
                double cx = x + (radius * Math.Cos(angle)), cy = y - (radius * Math.Sin(angle));
                if (Free(taken, new LabelBox(cx - (w / 2), cy - (h / 2), w, h, text), plot) is { } box)
                {
                    return box;
                }
            }
        }

        return null;
    }

    private static LabelBox? Free(List<LabelBox> taken, LabelBox box, LabelBox plot)
    {
        if (box.X < plot.X || box.Right > plot.Right || box.Y < plot.Y || box.Bottom > plot.Bottom || taken.Any(t => t.Overlaps(box)))
        {
            return null;
        }

        taken.Add(box);
        return box;
    }

    private string Describe(IReadOnlyList<int> numbers)
    {
        var parts = new List<string>();
        for (int q = 0; q < 4; q++)
        {
            var names = Enumerable.Range(0, Items.Count).Where(i => double.IsFinite(Items[i].Performance) && double.IsFinite(Items[i].Importance) && QuadrantOf(Items[i]) == q)
                .OrderBy(i => numbers[i]).Select(i => $"{Text(numbers[i])} {Items[i].Label}").ToList();
            if (names.Count > 0)
            {
                parts.Add($"{QuadrantNames[q]}: {string.Join(", ", names)}");
            }
        }

        return $"Importance-performance grid of {Items.Count} features, numbered by importance, split at {Performance.Format(PerformanceSplit)} performance ({PerformanceSplitName}) and {Importance.Format(ImportanceSplit)} importance ({ImportanceSplitName}). " + string.Join(". ", parts) + ".";
    }

    /// <summary>The data table: one row per feature in the order of their numbers, the number first.</summary>
    private ChartTable Table(IReadOnlyList<int> numbers) =>
        new(Title, [ChartColumn.Of(Measure.Count("No.")), ChartColumn.Text(ItemName), ChartColumn.Of(Performance), ChartColumn.Of(Importance), ChartColumn.Text("Quadrant")],
            Enumerable.Range(0, Items.Count).OrderBy(i => numbers[i]).Select(i => (IReadOnlyList<ChartCell>)[ChartCell.Of(numbers[i]), ChartCell.Of(Items[i].Label), ChartCell.Of(Items[i].Performance), ChartCell.Of(Items[i].Importance), ChartCell.Of(QuadrantNames[QuadrantOf(Items[i])])]).ToList());
}
