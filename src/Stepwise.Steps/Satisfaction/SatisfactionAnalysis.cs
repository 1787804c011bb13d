using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Mining.Discovery;
using Stepwise.Statistics.Estimates;
using Stepwise.Statistics.Inference;

namespace Stepwise.Steps.Satisfaction;

/// <summary>
/// Compares the satisfaction of cases with and without each step, each repeat of a step, each frequent hand-over and
/// each frequent variant (see <see cref="SatisfactionGap"/> for the raw and the adjusted comparison), with intervals,
/// effect sizes and Benjamini-Hochberg q-values over every factor tested.
/// </summary>
public static class SatisfactionAnalysis
{
    /// <summary>Runs the comparison on the scored cases of <paramref name="view"/>.</summary>
    /// <exception cref="ArgumentException">The hand-over attribute does not exist.</exception>
    public static SatisfactionReport Compute(LogView view, LinkedFeedback feedback, SatisfactionOptions? options = null, VariantSet? variants = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(feedback);
        options ??= new SatisfactionOptions();
        var log = view.Log;
        var scored = new List<int>();
        for (int i = 0; i < view.CaseCount; i++)
        {
            int c = view.CaseAt(i);
            if (!double.IsNaN(feedback.CaseScores[c]))
            {
                scored.Add(c);
            }
        }

        int n = scored.Count;
        var y = new double[n];
        var negative = new bool?[n];
        double mean = 0;
        for (int i = 0; i < n; i++)
        {
            y[i] = feedback.CaseScores[scored[i]];
            negative[i] = feedback.CaseNegativeComment[scored[i]];
            mean += y[i];
        }

        mean = n == 0 ? double.NaN : mean / n;
        var factors = BuildFactors(log, scored, options, variants ?? VariantSet.Discover(view));
        var modelled = factors.Where(f => f.Kind != FactorKind.Variant).ToList();
        var model = modelled.Count > 0 && n > modelled.Count + 2
            ? LinearModel.Fit(y, [.. modelled.Select(f => f.Column)], options.Confidence)
            : null;

        var raw = new List<(Factor Factor, Comparison Raw, LinearModel.Coefficient Adjusted)>();
        for (int f = 0; f < factors.Count; f++)
        {
            var factor = factors[f];
            int m = modelled.IndexOf(factor);
            var adjusted = model is not null && m >= 0 ? model.Coefficients[m] : LinearModel.Coefficient.NotEstimable;
            raw.Add((factor, Compare(y, negative, factor, options.Confidence), adjusted));
        }

        var rawQ = MultipleComparisons.Adjust([.. raw.Select(r => r.Raw.PValue)], Adjustment.BenjaminiHochberg);
        var flagP = raw.Select(r => r.Factor.Kind == FactorKind.Variant ? r.Raw.PValue : r.Adjusted.Estimable ? r.Adjusted.PValue : double.NaN).ToArray();
        var flagQ = MultipleComparisons.Adjust(flagP, Adjustment.BenjaminiHochberg);
        var gaps = new List<SatisfactionGap>(raw.Count);
        for (int i = 0; i < raw.Count; i++)
        {
            var (factor, r, a) = raw[i];
            string? note = factor.Kind == FactorKind.Variant
                ? null
                : model is null ? "too few scored cases for the joint model" : a.Estimable ? null : "not separable from other factors (the same cases have them)";
            gaps.Add(new SatisfactionGap(
                factor.Kind,
                factor.Subject,
                factor.Activity,
                r.With,
                r.Without,
                r.MeanWith,
                r.MeanWithout,
                r.Difference,
                r.Lower,
                r.Upper,
                r.EffectSize,
                r.PValue,
                rawQ[i],
                a.Value,
                a.Lower,
                a.Upper,
                a.PValue,
                flagQ[i],
                !double.IsNaN(flagQ[i]) && flagQ[i] < options.FalseDiscoveryRate,
                r.NegativeWith,
                r.NegativeWithout,
                note));
        }

        return new SatisfactionReport(feedback.ScoreName, feedback.ScaleMin, feedback.ScaleMax, n, mean, gaps, model?.Parameters - 1 ?? 0, model?.ResidualSd ?? double.NaN, feedback, options);
    }

    private sealed record Factor(FactorKind Kind, string Subject, int Activity, double[] Column, bool[]? Eligible);

    private readonly record struct Comparison(int With, int Without, double MeanWith, double MeanWithout, double Difference, double Lower, double Upper, double EffectSize, double PValue, double NegativeWith, double NegativeWithout);

    /// <summary>The factors with enough scored cases on each side, as 0/1 columns over the scored cases.</summary>
    private static List<Factor> BuildFactors(EventLog log, List<int> scored, SatisfactionOptions options, VariantSet variants)
    {
        int n = scored.Count;
        int a = log.ActivityNames.Count;
        var occurrences = new int[a][];
        for (int act = 0; act < a; act++)
        {
            occurrences[act] = new int[n];
        }

        var (codes, participants) = AttributeCodes.ForEvents(log, options.HandoverBy);
        var pairCases = new Dictionary<long, List<int>>();
        long p = Math.Max(1, participants.Count);
        for (int i = 0; i < n; i++)
        {
            int c = scored[i];
            long lastPair = -1;
            var seenPairs = new HashSet<long>();
            for (int e = log.CaseStart(c); e < log.CaseEnd(c); e++)
            {
                occurrences[log.Activities[e]][i]++;
                if (e > log.CaseStart(c) && codes[e - 1] >= 0 && codes[e] >= 0 && codes[e - 1] != codes[e])
                {
                    long key = (codes[e - 1] * p) + codes[e];
                    if (key != lastPair && seenPairs.Add(key))
                    {
                        if (!pairCases.TryGetValue(key, out var list))
                        {
                            pairCases[key] = list = [];
                        }

                        list.Add(i);
                    }

                    lastPair = key;
                }
            }
        }

        int min = options.MinCases;
        var factors = new List<Factor>();
        var order = Enumerable.Range(0, a).OrderByDescending(act => occurrences[act].Count(o => o > 0)).ThenBy(act => log.ActivityNames[act], StringComparer.Ordinal).ToList();
        foreach (int act in order)
        {
            var column = new double[n];
            int with = 0;
            for (int i = 0; i < n; i++)
            {
                if (occurrences[act][i] > 0)
                {
                    column[i] = 1;
                    with++;
                }
            }

            if (with >= min && n - with >= min)
            {
                factors.Add(new Factor(FactorKind.Step, log.ActivityNames[act], act, column, null));
            }
        }

        foreach (int act in order)
        {
            var column = new double[n];
            var eligible = new bool[n];
            int repeat = 0, once = 0;
            for (int i = 0; i < n; i++)
            {
                int k = occurrences[act][i];
                eligible[i] = k > 0;
                if (k > 1)
                {
                    column[i] = 1;
                    repeat++;
                }
                else if (k == 1)
                {
                    once++;
                }
            }

            if (repeat >= min && once >= min)
            {
                factors.Add(new Factor(FactorKind.Rework, log.ActivityNames[act], act, column, eligible));
            }
        }

        foreach (var (key, cases) in pairCases.Where(kv => kv.Value.Count >= min && n - kv.Value.Count >= min)
            .OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key).Take(Math.Max(0, options.MaxHandovers)))
        {
            var column = new double[n];
            foreach (int i in cases)
            {
                column[i] = 1;
            }

            string subject = participants[(int)(key / p)] + " -> " + participants[(int)(key % p)];
            factors.Add(new Factor(FactorKind.Handover, subject, -1, column, null));
        }

        for (int v = 0; v < Math.Min(options.Variants, variants.Count); v++)
        {
            var column = new double[n];
            int with = 0;
            for (int i = 0; i < n; i++)
            {
                if (variants.VariantOf(scored[i]) == v)
                {
                    column[i] = 1;
                    with++;
                }
            }

            if (with >= min && n - with >= min)
            {
                factors.Add(new Factor(FactorKind.Variant, variants[v].Describe(log.ActivityNames), -1, column, null));
            }
        }

        return factors;
    }

    private static Comparison Compare(double[] y, bool?[] negative, Factor factor, double confidence)
    {
        var with = new List<double>();
        var without = new List<double>();
        int negWith = 0, commentsWith = 0, negWithout = 0, commentsWithout = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (factor.Eligible is not null && !factor.Eligible[i])
            {
                continue;
            }

            bool has = factor.Column[i] > 0;
            (has ? with : without).Add(y[i]);
            if (negative[i] is bool neg)
            {
                if (has)
                {
                    commentsWith++;
                    negWith += neg ? 1 : 0;
                }
                else
                {
                    commentsWithout++;
                    negWithout += neg ? 1 : 0;
                }
            }
        }

        var a = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(with);
        var b = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(without);
        var (n1, m1, v1) = Means.Moments(a);
        var (n2, m2, v2) = Means.Moments(b);
        double diff = m1 - m2;
        double lower = double.NaN, upper = double.NaN, d = double.NaN, pValue = double.NaN;
        if (n1 >= 2 && n2 >= 2)
        {
            var test = WelchTest.Compare(a, b);
            double se = Math.Sqrt((v1 / n1) + (v2 / n2));
            double t = se > 0 ? Critical.T(confidence, test.DegreesOfFreedom) : 0;
            lower = diff - (t * se);
            upper = diff + (t * se);
            d = test.EffectSize;
            pValue = test.PValue;
        }

        return new Comparison(
            n1,
            n2,
            m1,
            m2,
            diff,
            lower,
            upper,
            d,
            pValue,
            commentsWith == 0 ? double.NaN : negWith / (double)commentsWith,
            commentsWithout == 0 ? double.NaN : negWithout / (double)commentsWithout);
    }
}
