namespace Stepwise.Charts.Drawing;

/// <summary>
/// An axis range with round ticks: steps of 1, 2 or 5 times a power of ten, the range widened to whole steps
/// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
/// </summary>
internal readonly record struct NiceScale(double Min, double Max, double Step)
{
    /// <summary>The ticks from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IReadOnlyList<double> Ticks
    {
        get
        {
            var ticks = new List<double>();
            int count = (int)Math.Round((Max - Min) / Step);
            for (int i = 0; i <= count; i++)
            {
                ticks.Add(Clean(Min + (i * Step)));
            }

            return ticks;
        }
    }

    /// <summary>Decimals needed to write every tick exactly.</summary>
    public int Decimals => Math.Max(0, (int)-Math.Floor(Math.Log10(Step) + 1e-9));

    /// <summary>A scale covering <paramref name="low"/>..<paramref name="high"/> with about <paramref name="ticks"/>
    /// intervals (at least 1).</summary>
    public static NiceScale Create(double low, double high, int ticks)
    {
        ticks = Math.Max(1, ticks);
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            return new NiceScale(0, 1, 0.2);
        }

        if (high < low)
        {
            (low, high) = (high, low);
        }

        if (high - low < 1e-12)
        {
            double pad = Math.Abs(high) > 1e-12 ? Math.Abs(high) * 0.1 : 1;
            low -= pad;
            high += pad;
            if (low < 0 && high - pad >= 0)
            {
                low = 0;
            }
        }

        double step = NiceStep((high - low) / ticks);
        double min = Math.Floor((low / step) + 1e-9) * step;
        double max = Math.Ceiling((high / step) - 1e-9) * step;
        return new NiceScale(Clean(min), Clean(max), step);
    }

    /// <summary>The nearest step of 1, 2 or 5 times a power of ten at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        double exponent = Math.Floor(Math.Log10(rough));
        double power = Math.Pow(10, exponent);
        double fraction = rough / power;
        double nice = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
        return Clean(nice * power);
    }

    private static double Clean(double value)
    {
        double rounded = Math.Round(value, 10);
        return rounded == 0 ? 0 : rounded;
    }
}
