using System.Globalization;

namespace Stepwise.Charts.Drawing;

/// <summary>Numbers written the same on every machine: invariant culture, fixed decimals, never scientific.</summary>
internal static class NumberText
{
    private static readonly string[] GroupedFormats = ["#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "#,##0.0000", "#,##0.00000", "#,##0.000000"];

    /// <summary>A coordinate: at most two decimals, no trailing zeros.</summary>
    public static string Coordinate(double value)
    {
        double rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // no "-0"
        }

        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A label: thousands separators, <paramref name="decimals"/> decimals, a true minus sign.</summary>
    public static string Grouped(double value, int decimals)
    {
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        string text = Math.Abs(rounded).ToString(GroupedFormats[Math.Clamp(decimals, 0, 6)], CultureInfo.InvariantCulture);
        return rounded < 0 ? "\u2212" + text : text;
    }
}
