namespace Stepwise.Charts.Drawing;

/// <summary>
/// The layout of a chart with a vertical value axis: the plot between the frame's top and the category labels (or
/// numeric ticks) and axis title at the bottom, the value axis with its title on the left, optional room on the right.
/// Resolves the dependence of the label block's height on the plot's width by laying out until both agree.
/// </summary>
internal sealed class VerticalPlot
{
    private VerticalPlot()
    {
    }

    public double Height { get; private init; }

    public double PlotLeft { get; private init; }

    public double PlotRight { get; private init; }

    public double PlotTop { get; private init; }

    public double PlotBottom { get; private init; }

    public NiceScale YScale { get; private init; }

    public CategoryBands? Categories { get; private init; }

    public double Font { get; private init; }

    public double PlotWidth => PlotRight - PlotLeft;

    public LabelBox Box => new(PlotLeft, PlotTop, PlotWidth, PlotBottom - PlotTop, "plot");

    /// <summary>Lays out a plot for values <paramref name="low"/>..<paramref name="high"/> of <paramref name="y"/>.</summary>
    /// <param name="frame">The chart's frame.</param>
    /// <param name="y">The value measure.</param>
    /// <param name="low">The lowest value to show.</param>
    /// <param name="high">The highest value to show.</param>
    /// <param name="categories">Category labels, or null for a numeric x axis.</param>
    /// <param name="rightReserve">Room to keep right of the plot (a second axis).</param>
    public static VerticalPlot Create(ChartFrame frame, Measure y, double low, double high, IReadOnlyList<string>? categories, double rightReserve = 0)
    {
        double f = frame.Font;
        double width = frame.Size.Width;
        double right = width - frame.Margin - Math.Max(rightReserve, f * 1.5);
        double left = frame.Margin + (f * 6);
        CategoryBands? bands = null;
        NiceScale scale = default;
        double height = frame.Size.Height;
        double bottom = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            bands = categories is null ? null : new CategoryBands(categories, right - left, f);
            double bottomBlock = (bands?.Height ?? (f * 1.9)) + (f * 1.7) + frame.NotesHeight;
            height = Math.Max(frame.Size.Height, frame.Top + (f * 9) + bottomBlock);
            bottom = height - bottomBlock;
            scale = Axes.Vertical(low, high, bottom - frame.Top, f);
            double newLeft = frame.Margin + (f * 1.5) + Axes.WidestTick(scale, y, f) + (f * 0.6);
            if (Math.Abs(newLeft - left) < 0.01)
            {
                break;
            }

            left = newLeft;
        }

        return new VerticalPlot
        {
            Height = Math.Round(height, 2),
            PlotLeft = left,
            PlotRight = right,
            PlotTop = frame.Top,
            PlotBottom = bottom,
            YScale = scale,
            Categories = bands,
            Font = f,
        };
    }

    /// <summary>The y coordinate of a value.</summary>
    public double Y(double value) => PlotBottom - ((value - YScale.Min) / (YScale.Max - YScale.Min) * (PlotBottom - PlotTop));

    /// <summary>The centre x of category <paramref name="index"/> of <paramref name="count"/>.</summary>
    public double CategoryX(int index, int count) => PlotLeft + ((index + 0.5) * PlotWidth / count);

    /// <summary>Draws the value axis (grid, ticks, title) and, for a category axis, the labels and the x title.</summary>
    public void DrawAxes(SvgCanvas canvas, ChartFrame frame, Measure y, string xTitle, int categoryCount)
    {
        Axes.DrawLeft(canvas, YScale, Y, PlotLeft, PlotRight, y, Font);
        Axes.TitleLeft(canvas, y.Title, frame.Margin + (Font * SvgCanvas.Ascent), PlotTop, PlotBottom, Font);
        canvas.Line(PlotLeft, PlotBottom, PlotRight, PlotBottom, Palette.Axis, 1);
        Categories?.Draw(canvas, i => CategoryX(i, categoryCount), PlotBottom);
        double titleY = PlotBottom + (Categories?.Height ?? (Font * 1.9)) + (Font * 1.0);
        Axes.TitleBottom(canvas, xTitle, PlotLeft, PlotRight, titleY, Font);
    }
}
