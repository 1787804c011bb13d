namespace Stepwise.Charts;

/// <summary>
/// The five-number summary of a group drawn as a box: quartiles by linear interpolation between closest ranks (as
/// numpy's default and the engine's percentiles), whiskers to the furthest values within 1.5 interquartile ranges of
/// the box (Tukey), the values beyond them as outliers.
/// </summary>
public sealed record BoxStats(int Count, double Q1, double Median, double Q3, double LowerWhisker, double UpperWhisker, IReadOnlyList<double> Outliers)
{
    /// <summary>The summary of the finite values of <paramref name="values"/>.</summary>
    public static BoxStats FromValues(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new BoxStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);
        }

        double q1 = Quantile(sorted, 0.25), median = Quantile(sorted, 0.5), q3 = Quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double lowFence = q1 - (1.5 * iqr), highFence = q3 + (1.5 * iqr);
        double lower = sorted.First(v => v >= lowFence);
        double upper = sorted.Last(v => v <= highFence);
        var outliers = sorted.Where(v => v < lowFence || v > highFence).ToList();
        return new BoxStats(sorted.Length, q1, median, q3, lower, upper, outliers);
    }

    /// <summary>The <paramref name="p"/> quantile of sorted values, interpolating between closest ranks.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        double position = p * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
