using System.Globalization;

namespace Stepwise.Maps.Rendering;

/// <summary>Durations and counts as short text for maps: "45 s", "12 min", "3.5 h", "2.3 d", "41 d"; "1,234".</summary>
public static class DurationText
{
    /// <summary>A duration in seconds as short text; "n/a" for NaN.</summary>
    public static string Format(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            return "n/a";
        }

        string sign = seconds < 0 ? "-" : string.Empty;
        double s = Math.Abs(seconds);
        string text = s switch
        {
            < 1 => s == 0 ? "0 s" : "<1 s",
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{s:0} s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{s / 60:0.#} min"),
            < 86400 => string.Create(CultureInfo.InvariantCulture, $"{s / 3600:0.#} h"),
            < 10 * 86400 => string.Create(CultureInfo.InvariantCulture, $"{s / 86400:0.#} d"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{s / 86400:0} d"),
        };
        return sign + text;
    }

    /// <summary>A count with thousands separators (invariant).</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
