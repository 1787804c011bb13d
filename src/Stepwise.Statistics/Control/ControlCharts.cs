namespace Stepwise.Statistics.Control;

/// <summary>Builds p-charts and XmR (individuals and moving range) charts and marks their signals.</summary>
public static class ControlCharts
{
    /// <summary>Scaling constant of individuals limits: 3 / d2 with d2 = 1.128 for moving ranges of two.</summary>
    public const double IndividualsFactor = 2.66;

    /// <summary>D4 for moving ranges of two: the upper limit of the moving-range chart.</summary>
    public const double MovingRangeFactor = 3.267;

    /// <summary>
    /// A p-chart of <paramref name="successes"/> out of <paramref name="counts"/> per period: centre p̄ = Σx / Σn,
    /// limits p̄ ± 3 sqrt(p̄(1 - p̄) / nᵢ) clipped to 0..1. Periods with no responses are left out.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or a count is below its successes.</exception>
    public static ControlChart PChart(IReadOnlyList<string> labels, IReadOnlyList<int> successes, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(successes);
        ArgumentNullException.ThrowIfNull(counts);
        if (labels.Count != successes.Count || labels.Count != counts.Count)
        {
            throw new ArgumentException("Labels, successes and counts must have the same length.");
        }

        long x = 0, n = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            if (successes[i] < 0 || successes[i] > counts[i])
            {
                throw new ArgumentException($"Period '{labels[i]}' has {successes[i]} successes out of {counts[i]}.");
            }

            x += successes[i];
            n += counts[i];
        }

        double centre = n == 0 ? double.NaN : (double)x / n;
        var values = new List<double>();
        var sigmas = new List<double>();
        var kept = new List<int>();
        for (int i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            kept.Add(i);
            values.Add((double)successes[i] / counts[i]);
            sigmas.Add(Math.Sqrt(centre * (1 - centre) / counts[i]));
        }

        var signals = Signals(values, i => centre, i => sigmas[i]);
        var points = new List<ControlPoint>(kept.Count);
        for (int k = 0; k < kept.Count; k++)
        {
            int i = kept[k];
            points.Add(new ControlPoint(labels[i], values[k], counts[i], centre, Math.Max(0, centre - (3 * sigmas[k])), Math.Min(1, centre + (3 * sigmas[k])), signals[k]));
        }

        return new ControlChart("p", centre, points, double.NaN, double.NaN);
    }

    /// <summary>
    /// An XmR chart of individual values (e.g. a monthly mean score): centre x̄, limits x̄ ± 2.66 m̄R where m̄R is the
    /// mean absolute difference of consecutive values. NaN values are left out.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ControlChart XmR(IReadOnlyList<string> labels, IReadOnlyList<double> values, IReadOnlyList<int>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Count != values.Count || (counts is not null && counts.Count != values.Count))
        {
            throw new ArgumentException("Labels, values and counts must have the same length.");
        }

        var kept = new List<int>();
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                kept.Add(i);
            }
        }

        var xs = kept.Select(i => values[i]).ToList();
        double centre = xs.Count == 0 ? double.NaN : xs.Average();
        double mr = 0;
        for (int k = 1; k < xs.Count; k++)
        {
            mr += Math.Abs(xs[k] - xs[k - 1]);
        }

        mr = xs.Count > 1 ? mr / (xs.Count - 1) : double.NaN;
        double sigma = mr * IndividualsFactor / 3;
        var signals = Signals(xs, _ => centre, _ => sigma);
        var points = new List<ControlPoint>(xs.Count);
        for (int k = 0; k < xs.Count; k++)
        {
            int i = kept[k];
            points.Add(new ControlPoint(labels[i], xs[k], counts?[i] ?? 1, centre, centre - (IndividualsFactor * mr), centre + (IndividualsFactor * mr), signals[k]));
        }

        return new ControlChart("XmR", centre, points, mr, MovingRangeFactor * mr);
    }

    /// <summary>
    /// Applies the rules to a series against a given centre and sigma per point (for example the limits of an earlier
    /// phase, to see whether later points signal a shift); each signal is marked on the point that completes the pattern.
    /// </summary>
    /// <param name="values">The points in time order.</param>
    /// <param name="centre">The centre line at point i.</param>
    /// <param name="sigma">One sigma at point i (a third of the distance from the centre to a control limit).</param>
    public static List<ControlRule>[] Signals(IReadOnlyList<double> values, Func<int, double> centre, Func<int, double> sigma)
    {
        int n = values.Count;
        var result = new List<ControlRule>[n];
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = [];
            double s = sigma(i);
            double d = values[i] - centre(i);
            z[i] = s > 0 ? d / s : (d == 0 ? 0 : Math.Sign(d) * double.PositiveInfinity);
        }

        for (int i = 0; i < n; i++)
        {
            if (Math.Abs(z[i]) > 3)
            {
                result[i].Add(ControlRule.BeyondLimits);
            }

            if (CountBeyond(z, i, 3, 2) >= 2)
            {
                result[i].Add(ControlRule.TwoOfThreeBeyondTwoSigma);
            }

            if (CountBeyond(z, i, 5, 1) >= 4)
            {
                result[i].Add(ControlRule.FourOfFiveBeyondOneSigma);
            }

            if (i >= 7 && SameSide(z, i, 8))
            {
                result[i].Add(ControlRule.EightOnOneSide);
            }

            if (i >= 5 && Trending(values, i, 6))
            {
                result[i].Add(ControlRule.SixTrending);
            }
        }

        return result;
    }

    /// <summary>How many of the <paramref name="window"/> points ending at <paramref name="end"/> lie beyond
    /// <paramref name="limit"/> sigma on the side of the end point, which must itself lie beyond.</summary>
    private static int CountBeyond(double[] z, int end, int window, double limit)
    {
        if (end < window - 1 || Math.Abs(z[end]) <= limit)
        {
            return 0;
        }

        int side = Math.Sign(z[end]), count = 0;
        for (int k = end - window + 1; k <= end; k++)
        {
            if (Math.Sign(z[k]) == side && Math.Abs(z[k]) > limit)
            {
                count++;
            }
        }

        return count;
    }

    private static bool SameSide(double[] z, int end, int run)
    {
        int side = Math.Sign(z[end]);
        if (side == 0)
        {
            return false;
        }

        for (int k = end - run + 1; k <= end; k++)
        {
            if (Math.Sign(z[k]) != side)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Trending(IReadOnlyList<double> x, int end, int run)
    {
        bool up = true, down = true;
        for (int k = end - run + 2; k <= end; k++)
        {
            up &= x[k] > x[k - 1];
            down &= x[k] < x[k - 1];
        }

        return up || down;
    }
}
