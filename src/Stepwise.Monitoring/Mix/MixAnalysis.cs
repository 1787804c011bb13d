using MathNet.Numerics.Distributions;
using Stepwise.Mining.Statistics;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Inference;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Measures;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Inference;

namespace Stepwise.Monitoring.Mix;

/// <summary>
/// Compares the mix of cases and adjusts each KPI's change for it by direct standardisation. Values of the mix
/// attribute with fewer cases than the options' minimum in either period are pooled as (other). Within each stratum
/// the KPI is compared with the KPI's own test; the adjusted change is the strata's changes weighted by their shares
/// of the before cases. Its interval: for bootstrapped quantiles, the percentile interval of the weighted sum of the
/// strata's resampled differences (the strata are resampled independently); otherwise the normal interval with the
/// variance the sum of the squared weights times the strata's squared standard errors.
/// </summary>
internal sealed class MixAnalysis
{
    /// <summary>The name of the pooled small values.</summary>
    public const string Other = "(other)";

    private readonly int[] _beforeGroup;
    private readonly int[] _afterGroup;
    private readonly string[] _groups;
    private readonly int[] _beforeCases;
    private readonly bool[] _included;

    private MixAnalysis(MixReport report, int[] beforeGroup, int[] afterGroup, string[] groups, int[] beforeCases, bool[] included)
    {
        Report = report;
        _beforeGroup = beforeGroup;
        _afterGroup = afterGroup;
        _groups = groups;
        _beforeCases = beforeCases;
        _included = included;
    }

    /// <summary>The mix before and after.</summary>
    public MixReport Report { get; }

    /// <summary>Groups the strata and compares the mix.</summary>
    public static MixAnalysis Prepare(string by, StrataTable table, PeriodMeasures before, PeriodMeasures after, Buckets buckets, MonitorOptions options)
    {
        int s = table.Names.Count;
        var bCount = new int[s];
        var aCount = new int[s];
        foreach (int k in before.Strata!)
        {
            bCount[k]++;
        }

        foreach (int k in after.Strata!)
        {
            aCount[k]++;
        }

        var names = new List<string>();
        var groupOf = new int[s];
        int other = -1;
        foreach (int k in Enumerable.Range(0, s).OrderByDescending(k => bCount[k]).ThenBy(k => table.Names[k], StringComparer.Ordinal))
        {
            if (bCount[k] >= options.MinStratumCases && aCount[k] >= options.MinStratumCases)
            {
                groupOf[k] = names.Count;
                names.Add(table.Names[k]);
            }
            else
            {
                if (other < 0)
                {
                    other = -2;
                }

                groupOf[k] = -1;
            }
        }

        if (other == -2)
        {
            other = names.Count;
            names.Add(Other);
            for (int k = 0; k < s; k++)
            {
                groupOf[k] = groupOf[k] < 0 ? other : groupOf[k];
            }
        }

        int g = names.Count;
        var beforeGroup = before.Strata!.Select(k => groupOf[k]).ToArray();
        var afterGroup = after.Strata!.Select(k => groupOf[k]).ToArray();
        var gb = new int[g];
        var ga = new int[g];
        foreach (int k in beforeGroup)
        {
            gb[k]++;
        }

        foreach (int k in afterGroup)
        {
            ga[k]++;
        }

        var included = Enumerable.Range(0, g).Select(k => gb[k] >= options.MinStratumCases && ga[k] >= options.MinStratumCases).ToArray();
        var bVolume = VolumePerGroup(before.Time, beforeGroup, g, buckets, before: true);
        var aVolume = VolumePerGroup(after.Time, afterGroup, g, buckets, before: false);
        int nb = beforeGroup.Length, na = afterGroup.Length;
        var shares = Enumerable.Range(0, g)
            .Select(k => new StratumShare(names[k], gb[k], ga[k], (double)gb[k] / nb, (double)ga[k] / na, bVolume[k], aVolume[k]))
            .ToList();
        double chi = double.NaN, df = double.NaN, p = double.NaN;
        if (g >= 2)
        {
            var table2 = new long[2, g];
            for (int k = 0; k < g; k++)
            {
                table2[0, k] = gb[k];
                table2[1, k] = ga[k];
            }

            try
            {
                var test = ChiSquareTest.Independence(table2);
                (chi, df, p) = (test.Statistic, test.DegreesOfFreedom, test.PValue);
            }
            catch (ArgumentException)
            {
                // A single non-empty value on one side: no test of the mix.
            }
        }

        var report = new MixReport(by, shares, chi, df, p, p < options.Alpha);
        return new MixAnalysis(report, beforeGroup, afterGroup, [.. names], gb, included);
    }

    /// <summary>The KPI's change within each stratum, and the mix-adjusted change (difference, interval, p, coverage).</summary>
    public (IReadOnlyList<StratumChange> Strata, double Difference, double Low, double High, double PValue, double Coverage) Compare(KpiMeasure measure, Sample before, Sample after, MonitorOptions options)
    {
        var results = new List<(int Group, TwoSampleResult Result)>();
        for (int k = 0; k < _groups.Length; k++)
        {
            var b = before.Where(_beforeGroup, k);
            var a = after.Where(_afterGroup, k);
            if (b.Count < 2 || a.Count < 2)
            {
                continue;
            }

            long seed = StreamSeed.Of(options.Seed, measure.Key + "\u001f" + _groups[k]);
            results.Add((k, KpiComparer.Compare(measure, b.Values, a.Values, options, seed)));
        }

        var used = results.Where(r => _included[r.Group]).ToList();
        double total = _beforeCases.Sum();
        double usedCases = used.Sum(r => (double)_beforeCases[r.Group]);
        var strata = results.Select(r => new StratumChange(
            _groups[r.Group], r.Result.BeforeCount, r.Result.AfterCount, r.Result.Before, r.Result.After, r.Result.Difference, r.Result.Low, r.Result.High, r.Result.PValue,
            _included[r.Group] && usedCases > 0 ? _beforeCases[r.Group] / usedCases : 0)).ToList();
        if (used.Count == 0)
        {
            return (strata, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var weights = used.Select(r => _beforeCases[r.Group] / usedCases).ToArray();
        double estimate = 0;
        for (int i = 0; i < used.Count; i++)
        {
            estimate += weights[i] * used[i].Result.Difference;
        }

        double low, high, p;
        if (used.All(r => r.Result.Replicates is not null))
        {
            int resamples = used[0].Result.Replicates!.Length;
            var combined = new double[resamples];
            for (int i = 0; i < used.Count; i++)
            {
                var reps = used[i].Result.Replicates!;
                for (int b = 0; b < resamples; b++)
                {
                    combined[b] += weights[i] * reps[b];
                }
            }

            int below = combined.Count(d => d <= 0), above = combined.Count(d => d >= 0);
            p = Math.Min(1, 2.0 * (Math.Min(below, above) + 1) / (resamples + 1));
            Array.Sort(combined);
            low = DistributionSummary.Sorted(combined, options.Alpha / 2);
            high = DistributionSummary.Sorted(combined, 1 - (options.Alpha / 2));
        }
        else
        {
            double variance = 0;
            for (int i = 0; i < used.Count; i++)
            {
                variance += weights[i] * weights[i] * used[i].Result.StandardError * used[i].Result.StandardError;
            }

            double se = Math.Sqrt(variance), z = Critical.Z(options.Confidence);
            low = estimate - (z * se);
            high = estimate + (z * se);
            p = se > 0 ? Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(estimate) / se)) : (estimate == 0 ? 1 : 0);
        }

        return (strata, estimate, low, high, p, usedCases / total);
    }

    private static double[] VolumePerGroup(long[] times, int[] groups, int g, Buckets buckets, bool before)
    {
        int whole = before ? buckets.WholeBefore : buckets.WholeAfter;
        var counts = new double[g];
        for (int i = 0; i < times.Length; i++)
        {
            int k = before ? buckets.BeforeIndex(times[i]) : buckets.AfterIndex(times[i]);
            if (k >= 0 && k < whole)
            {
                counts[groups[i]]++;
            }
        }

        return [.. counts.Select(c => whole == 0 ? double.NaN : c / whole)];
    }
}
