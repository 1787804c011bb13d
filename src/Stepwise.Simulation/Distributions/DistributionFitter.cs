using System.Globalization;

namespace Stepwise.Simulation.Distributions;

/// <summary>
/// Fits exponential, log-normal, gamma and Weibull distributions to a sample by maximum likelihood and chooses by
/// goodness of fit: the parametric family with the smallest Kolmogorov-Smirnov distance (among those whose mean is within
/// 25% of the sample's) is taken when that distance is within the 5% critical value (1.36/√n); otherwise the empirical distribution of the sample is used, so that a
/// duration no family describes is still reproduced faithfully.
/// </summary>
public static class DistributionFitter
{
    /// <summary>The most quantiles an empirical distribution keeps (fewer when the sample is smaller).</summary>
    public const int MaxEmpiricalPoints = 201;

    /// <summary>The fewest observations for which a parametric family is considered.</summary>
    public const int MinParametricSample = 30;

    /// <summary>A family whose mean is further than this (relative) from the sample's mean is not taken, however well
    /// its distribution function fits: a heavy fitted tail would distort simulated totals.</summary>
    public const double MeanTolerance = 0.25;

    /// <summary>Fits <paramref name="sample"/> (seconds, 0 or more; other values are ignored).</summary>
    public static FitResult Fit(ReadOnlySpan<double> sample)
    {
        var values = new List<double>(sample.Length);
        foreach (double v in sample)
        {
            if (double.IsFinite(v) && v >= 0)
            {
                values.Add(v);
            }
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        int n = sorted.Length;
        if (n == 0)
        {
            return new FitResult(Distribution.Constant(0), [], 0, double.NaN, "no observations: taken as instantaneous");
        }

        if (sorted[0] == sorted[^1])
        {
            return new FitResult(Distribution.Constant(sorted[0]), [], n, double.NaN, "every observation is the same");
        }

        var empirical = EmpiricalOf(sorted);
        double critical = 1.36 / Math.Sqrt(n);
        int zeros = 0;
        while (zeros < n && sorted[zeros] == 0)
        {
            zeros++;
        }

        if (n < MinParametricSample || zeros > 0)
        {
            string why = n < MinParametricSample ? $"fewer than {MinParametricSample} observations: the observed values are used" : "some durations are zero, which no parametric family here allows: the observed values are used";
            return new FitResult(empirical, [], n, critical, why);
        }

        var candidates = new List<FitCandidate>(4);
        TryAdd(candidates, FitExponential(sorted), sorted);
        TryAdd(candidates, FitLogNormal(sorted), sorted);
        TryAdd(candidates, FitGamma(sorted), sorted);
        TryAdd(candidates, FitWeibull(sorted), sorted);
        candidates.Sort((a, b) => a.KsDistance.CompareTo(b.KsDistance));
        double sampleMean = sorted.Average();
        var acceptable = candidates.FirstOrDefault(c => Math.Abs(c.Distribution.MeanValue - sampleMean) <= MeanTolerance * sampleMean);
        if (acceptable is not null && acceptable.KsDistance <= critical)
        {
            var best = acceptable;
            return new FitResult(best.Distribution, candidates, n, critical, string.Create(CultureInfo.InvariantCulture, $"{best.Distribution.Kind.ToString().ToLowerInvariant()} fits best (KS {best.KsDistance:F3} within {critical:F3})"));
        }

        string reason = candidates.Count == 0
            ? "no parametric family could be fitted: the observed values are used"
            : string.Create(CultureInfo.InvariantCulture, $"no family fits within the 5% level (best: {candidates[0].Distribution.Kind.ToString().ToLowerInvariant()}, KS {candidates[0].KsDistance:F3} > {critical:F3}): the observed values are used");
        return new FitResult(empirical, candidates, n, critical, reason);
    }

    /// <summary>The Kolmogorov-Smirnov distance between a sorted sample and a distribution.</summary>
    public static double KsDistance(ReadOnlySpan<double> sorted, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = distribution.Cdf(sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - f, f - ((double)i / n)));
        }

        return d;
    }

    /// <summary>The empirical distribution of a sorted sample, thinned to at most <see cref="MaxEmpiricalPoints"/> quantiles
    /// (the last one chosen so that the mean of the sample is kept).</summary>
    public static Distribution EmpiricalOf(ReadOnlySpan<double> sorted) => EmpiricalOf(sorted, MaxEmpiricalPoints);

    /// <summary>The empirical distribution of a sorted sample, thinned to at most <paramref name="maxPoints"/> quantiles
    /// (at least 2; the last one chosen so that the mean of the sample is kept).</summary>
    public static Distribution EmpiricalOf(ReadOnlySpan<double> sorted, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        int n = sorted.Length;
        if (n == 1 || (n > 0 && sorted[0] == sorted[n - 1]))
        {
            return Distribution.Constant(sorted[0]);
        }

        int points = Math.Min(n, maxPoints);
        var q = new double[points];
        for (int i = 0; i < points; i++)
        {
            double pos = (double)i / (points - 1) * (n - 1);
            int lo = (int)pos;
            q[i] = lo >= n - 1 ? sorted[n - 1] : sorted[lo] + ((pos - lo) * (sorted[lo + 1] - sorted[lo]));
        }

        if (points < n)
        {
            // Interpolating up to the maximum would inflate the mean when the tail is long: the last point is set so
            // that the top segment has the mean of the values it stands for.
            int from = (int)Math.Ceiling((double)(points - 2) / (points - 1) * (n - 1));
            double sum = 0;
            for (int i = from; i < n; i++)
            {
                sum += sorted[i];
            }

            double topMean = sum / (n - from);
            q[^1] = Math.Max(q[^2], (2 * topMean) - q[^2]);
        }

        // Milliseconds are precision enough for a duration and keep the model file readable.
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = Math.Round(q[i], 3);
        }

        return Distribution.Empirical(q);
    }

    internal static Distribution FitExponential(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v;
        }

        return Distribution.Exponential(sum / x.Length);
    }

    internal static Distribution FitLogNormal(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += Math.Log(v);
        }

        double mu = sum / x.Length;
        double ss = 0;
        foreach (double v in x)
        {
            double d = Math.Log(v) - mu;
            ss += d * d;
        }

        return Distribution.LogNormal(mu, Math.Sqrt(ss / x.Length));
    }

    internal static Distribution? FitGamma(ReadOnlySpan<double> x)
    {
        double sum = 0;
        double sumLog = 0;
        foreach (double v in x)
        {
            sum += v;
            sumLog += Math.Log(v);
        }

        double mean = sum / x.Length;
        double s = Math.Log(mean) - (sumLog / x.Length);
        if (!(s > 0))
        {
            return null;
        }

        // Minka's starting point, then Newton on ln k - ψ(k) = s.
        double k = (3 - s + Math.Sqrt(((s - 3) * (s - 3)) + (24 * s))) / (12 * s);
        for (int i = 0; i < 50; i++)
        {
            double f = Math.Log(k) - SpecialFunctions.Digamma(k) - s;
            double df = (1 / k) - SpecialFunctions.Trigamma(k);
            double next = k - (f / df);
            if (next <= 0)
            {
                next = k / 2;
            }

            if (Math.Abs(next - k) < 1e-10 * k)
            {
                k = next;
                break;
            }

            k = next;
        }

        return Distribution.Gamma(k, mean / k);
    }

    internal static Distribution? FitWeibull(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double meanLog = 0;
        double max = 0;
        foreach (double v in x)
        {
            meanLog += Math.Log(v);
            max = Math.Max(max, v);
        }

        meanLog /= n;

        // Newton on the profile likelihood equation for the shape; values are divided by the maximum to keep x^k finite.
        double k = 1.0;
        for (int iter = 0; iter < 100; iter++)
        {
            double a = 0, b = 0, c = 0;
            foreach (double v in x)
            {
                double y = v / max;
                double ly = Math.Log(y);
                double yk = Math.Pow(y, k);
                a += yk;
                b += yk * ly;
                c += yk * ly * ly;
            }

            double logMax = Math.Log(max);
            double f = (b / a) + logMax - (1 / k) - meanLog;
            double df = ((c / a) - ((b / a) * (b / a))) + (1 / (k * k));
            double next = k - (f / df);
            if (!double.IsFinite(next) || next <= 0)
            {
                next = k / 2;
            }

            if (Math.Abs(next - k) < 1e-10 * k)
            {
                k = next;
                break;
            }

            k = next;
        }

        double sumK = 0;
        foreach (double v in x)
        {
            sumK += Math.Pow(v / max, k);
        }

        double scale = max * Math.Pow(sumK / n, 1 / k);
        return double.IsFinite(k) && double.IsFinite(scale) && k > 0 && scale > 0 ? Distribution.Weibull(k, scale) : null;
    }

    private static void TryAdd(List<FitCandidate> candidates, Distribution? fitted, ReadOnlySpan<double> sorted)
    {
        if (fitted is null || fitted.Validate() is not null)
        {
            return;
        }

        double d = KsDistance(sorted, fitted);
        if (double.IsFinite(d))
        {
            candidates.Add(new FitCandidate(fitted, d));
        }
    }
}
