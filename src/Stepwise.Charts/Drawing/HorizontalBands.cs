namespace Stepwise.Charts.Drawing;

/// <summary>
/// The layout of a chart with one band per category, stacked downwards, category labels on the left (wrapped to two
/// lines) and the value axis at the bottom. The chart grows taller when its categories need the room; with few
/// categories it is only as tall as its bands (each at most 4 em) and axis need, so no empty band is left under the axis.
/// </summary>
internal sealed class HorizontalBands
{
    private readonly IReadOnlyList<IReadOnlyList<string>> _labels;

    private HorizontalBands(IReadOnlyList<IReadOnlyList<string>> labels) => _labels = labels;

    public double Height { get; private init; }

    public double PlotLeft { get; private init; }

    public double PlotRight { get; private init; }

    public double PlotTop { get; private init; }

    public double PlotBottom { get; private init; }

    public double Band { get; private init; }

    public NiceScale XScale { get; private init; }

    public double Font { get; private init; }

    public LabelBox Box => new(PlotLeft, PlotTop, PlotRight - PlotLeft, PlotBottom - PlotTop, "plot");

    /// <summary>Lays out bands for <paramref name="labels"/>.</summary>
    /// <param name="frame">The chart's frame.</param>
    /// <param name="labels">Category labels, top to bottom.</param>
    /// <param name="x">The value measure.</param>
    /// <param name="low">The lowest value to show.</param>
    /// <param name="high">The highest value to show.</param>
    /// <param name="valueLabelWidth">Room for value labels right of the highest value.</param>
    /// <param name="minBand">The least band height in em.</param>
    public static HorizontalBands Create(ChartFrame frame, IReadOnlyList<string> labels, Measure x, double low, double high, double valueLabelWidth, double minBand = 2.2)
    {
        double f = frame.Font;
        double width = frame.Size.Width;
        double labelColumn = Math.Min(labels.Select(l => TextMeasure.Width(l, f)).DefaultIfEmpty(0).Max(), width * 0.34);
        labelColumn = Math.Max(labelColumn, f * 3);
        var wrapped = labels.Select(l => TextWrap.Wrap(l, f, labelColumn, 2)).ToList();
        labelColumn = wrapped.SelectMany(w => w).Select(l => TextMeasure.Width(l, f)).DefaultIfEmpty(f * 3).Max();
        double left = frame.Margin + labelColumn + (f * 0.8);
        double right = width - frame.Margin - valueLabelWidth - (f * 0.5);
        var scale = Axes.Horizontal(low, high, right - left, f, x);
        // The last tick label is centred on the plot's right edge: keep it inside the picture.
        double overhang = (TextMeasure.Width(x.Tick(scale.Max, scale.Decimals), f) / 2) - valueLabelWidth - (f * 0.5) + f;
        if (overhang > 0)
        {
            right -= overhang;
            scale = Axes.Horizontal(low, high, right - left, f, x);
        }

        int lines = wrapped.Select(w => w.Count).DefaultIfEmpty(1).Max();
        double band = Math.Max(minBand * f, (lines * f * 1.25) + (f * 0.6));
        double bottomBlock = (f * 1.9) + (f * 1.7) + frame.NotesHeight;
        double available = frame.Size.Height - frame.Top - bottomBlock;
        int count = Math.Max(1, labels.Count);
        if (available / count > band)
        {
            band = Math.Min(available / count, Math.Max(band, f * 4));
        }

        double plotHeight = band * count;
        // The drawn height is the content's: a short chart is not padded out to the size's height (a blank band
        // under the axis would push what follows it on a page onto the next).
        double height = frame.Top + plotHeight + bottomBlock;
        return new HorizontalBands(wrapped)
        {
            Height = Math.Round(height, 2),
            PlotLeft = left,
            PlotRight = right,
            PlotTop = frame.Top,
            PlotBottom = frame.Top + plotHeight,
            Band = band,
            XScale = scale,
            Font = f,
        };
    }

    /// <summary>The x coordinate of a value.</summary>
    public double X(double value) => PlotLeft + ((value - XScale.Min) / (XScale.Max - XScale.Min) * (PlotRight - PlotLeft));

    /// <summary>The centre y of band <paramref name="index"/>.</summary>
    public double BandY(int index) => PlotTop + ((index + 0.5) * Band);

    /// <summary>Draws the grid, the value axis with its title, and the category labels.</summary>
    public void DrawAxes(SvgCanvas canvas, ChartFrame frame, Measure x)
    {
        Axes.DrawBottom(canvas, XScale, X, PlotTop, PlotBottom, x, Font);
        Axes.TitleBottom(canvas, x.Title, PlotLeft, PlotRight, PlotBottom + (Font * 3.1), Font);
        canvas.BeginGroup("categories");
        for (int i = 0; i < _labels.Count; i++)
        {
            var lines = _labels[i];
            double first = BandY(i) - ((lines.Count - 1) * Font * 1.25 / 2) + (Font * 0.35);
            canvas.Lines(PlotLeft - (Font * 0.6), first, lines, Font, TextAnchor.End);
        }

        canvas.EndGroup();
    }
}
