namespace Stepwise.Charts.Drawing;

/// <summary>Value axes: round ticks spaced so their labels never touch, grid lines, and the axis title with the unit.</summary>
internal static class Axes
{
    /// <summary>A scale for a vertical axis <paramref name="length"/> px long: ticks at least 2.5 em apart.</summary>
    public static NiceScale Vertical(double low, double high, double length, double font)
    {
        int ticks = Math.Clamp((int)(length / (font * 2.8)), 2, 10);
        return NiceScale.Create(low, high, ticks);
    }

    /// <summary>A scale for a horizontal axis whose tick labels, written by <paramref name="measure"/>, fit between ticks.</summary>
    public static NiceScale Horizontal(double low, double high, double length, double font, Measure measure)
    {
        for (int ticks = Math.Clamp((int)(length / (font * 4)), 2, 12); ; ticks--)
        {
            var scale = NiceScale.Create(low, high, ticks);
            double spacing = length * scale.Step / (scale.Max - scale.Min);
            double widest = scale.Ticks.Max(t => TextMeasure.Width(measure.Tick(t, scale.Decimals), font));
            if (widest + font <= spacing || ticks <= 1)
            {
                return scale;
            }
        }
    }

    /// <summary>The widest tick label of <paramref name="scale"/>.</summary>
    public static double WidestTick(NiceScale scale, Measure measure, double font) =>
        scale.Ticks.Max(t => TextMeasure.Width(measure.Tick(t, scale.Decimals), font));

    /// <summary>Grid lines and tick labels of a vertical axis at the left of the plot.</summary>
    public static void DrawLeft(SvgCanvas canvas, NiceScale scale, Func<double, double> toY, double left, double right, Measure measure, double font)
    {
        canvas.BeginGroup("axis-y");
        foreach (double tick in scale.Ticks)
        {
            double y = toY(tick);
            canvas.Line(left, y, right, y, tick == 0 ? Palette.Axis : Palette.Grid, 1);
            canvas.Text(left - (font * 0.5), y + (font * 0.35), measure.Tick(tick, scale.Decimals), font, TextAnchor.End, fill: Palette.MutedText);
        }

        canvas.EndGroup();
    }

    /// <summary>Tick labels of a vertical axis at the right of the plot (no grid lines).</summary>
    public static void DrawRight(SvgCanvas canvas, NiceScale scale, Func<double, double> toY, double right, Measure measure, double font)
    {
        canvas.BeginGroup("axis-y2");
        foreach (double tick in scale.Ticks)
        {
            double y = toY(tick);
            canvas.Line(right, y, right + 4, y, Palette.Axis, 1);
            canvas.Text(right + (font * 0.5), y + (font * 0.35), measure.Tick(tick, scale.Decimals), font, fill: Palette.MutedText);
        }

        canvas.EndGroup();
    }

    /// <summary>Grid lines and tick labels of a horizontal axis under the plot.</summary>
    public static void DrawBottom(SvgCanvas canvas, NiceScale scale, Func<double, double> toX, double top, double bottom, Measure measure, double font)
    {
        canvas.BeginGroup("axis-x");
        foreach (double tick in scale.Ticks)
        {
            double x = toX(tick);
            canvas.Line(x, top, x, bottom, tick == 0 ? Palette.Axis : Palette.Grid, 1);
            canvas.Text(x, bottom + (font * 1.45), measure.Tick(tick, scale.Decimals), font, TextAnchor.Middle, fill: Palette.MutedText);
        }

        canvas.EndGroup();
    }

    /// <summary>The title of a vertical axis, turned to run upwards, centred on the plot.</summary>
    public static void TitleLeft(SvgCanvas canvas, string title, double x, double top, double bottom, double font)
    {
        string shown = TextWrap.Truncate(title, font, bottom - top);
        canvas.Text(x, (top + bottom) / 2, shown, font, TextAnchor.Middle, vertical: true);
    }

    /// <summary>The title of a horizontal axis, centred under the plot.</summary>
    public static void TitleBottom(SvgCanvas canvas, string title, double left, double right, double y, double font)
    {
        string shown = TextWrap.Truncate(title, font, right - left);
        canvas.Text((left + right) / 2, y, shown, font, TextAnchor.Middle);
    }
}
