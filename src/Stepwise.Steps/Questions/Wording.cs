using System.Globalization;

namespace Stepwise.Steps.Questions;

/// <summary>Numbers as they appear in question texts: durations, shares, counts and amounts, culture-invariant.</summary>
internal static class Wording
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A duration in seconds as e.g. <c>3d 4h</c>, <c>2h 05m</c>, <c>4m 12s</c> or <c>12s</c>.</summary>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            return "-";
        }

        string sign = seconds < 0 ? "-" : string.Empty;
        long s = (long)Math.Round(Math.Abs(seconds));
        long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60, secs = s % 60;
        if (days > 0)
        {
            return string.Create(Invariant, $"{sign}{days}d {hours}h");
        }

        if (hours > 0)
        {
            return string.Create(Invariant, $"{sign}{hours}h {minutes:00}m");
        }

        return minutes > 0 ? string.Create(Invariant, $"{sign}{minutes}m {secs:00}s") : string.Create(Invariant, $"{sign}{secs}s");
    }

    /// <summary>A share as a percentage with one decimal, e.g. <c>14.5%</c>.</summary>
    public static string Share(double share) => double.IsNaN(share) ? "-" : (share * 100).ToString("0.0", Invariant) + "%";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long n) => n.ToString("N0", Invariant);

    /// <summary>An amount of money with two decimals and thousands separators, with the currency when known.</summary>
    public static string Money(double amount, string currency)
        => (string.IsNullOrEmpty(currency) ? string.Empty : currency + " ") + amount.ToString("N2", Invariant);

    /// <summary>A number of score points with two decimals and a sign.</summary>
    public static string Points(double points) => points.ToString("+0.00;-0.00;0.00", Invariant);

    /// <summary>A p- or q-value.</summary>
    public static string P(double p) => double.IsNaN(p) ? "-" : p < 0.001 ? "<0.001" : p.ToString("0.000", Invariant);

    /// <summary>A p- or q-value after its name in a sentence: <c>q &lt; 0.001</c>, <c>q = 0.012</c>.</summary>
    public static string Named(string name, double p) => double.IsNaN(p) ? $"{name} -" : p < 0.001 ? $"{name} < 0.001" : $"{name} = {p.ToString("0.000", Invariant)}";
}
