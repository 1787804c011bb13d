using MathNet.Numerics.Distributions;

namespace Stepwise.Statistics.Inference;

/// <summary>
/// The Mann-Whitney U (Wilcoxon rank-sum) test for two independent samples of ordinal scores: the right test for
/// Likert items, whose many ties it handles with mid-ranks and the tie-corrected variance. The p-value is from the
/// normal approximation with a continuity correction. The effect size is the rank-biserial correlation
/// r = 1 - 2U/(n1 n2), where U counts pairs in which a value of <c>a</c> is below a value of <c>b</c> (ties count
/// one half): positive when <c>a</c> tends to be larger.
/// </summary>
public static class MannWhitneyTest
{
    /// <summary>Compares the non-NaN values of <paramref name="a"/> and <paramref name="b"/>.</summary>
    /// <exception cref="ArgumentException">A sample has no values.</exception>
    public static TestResult Compare(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var all = new List<(double Value, bool First)>(a.Length + b.Length);
        foreach (double v in a)
        {
            if (!double.IsNaN(v))
            {
                all.Add((v, true));
            }
        }

        int n1 = all.Count;
        foreach (double v in b)
        {
            if (!double.IsNaN(v))
            {
                all.Add((v, false));
            }
        }

        int n2 = all.Count - n1;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        all.Sort((x, y) => x.Value.CompareTo(y.Value));
        double rankSumA = 0, tieTerm = 0;
        int n = all.Count;
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && all[j].Value == all[i].Value)
            {
                j++;
            }

            double midRank = (i + 1 + j) / 2.0;
            double t = j - i;
            tieTerm += (t * t * t) - t;
            for (int k = i; k < j; k++)
            {
                if (all[k].First)
                {
                    rankSumA += midRank;
                }
            }

            i = j;
        }

        double uA = rankSumA - (n1 * (n1 + 1) / 2.0);
        double meanU = n1 * (double)n2 / 2;
        double variance = n1 * (double)n2 / 12 * ((n + 1) - (tieTerm / (n * (double)(n - 1))));
        double z = 0, p = 1;
        if (variance > 0)
        {
            double diff = uA - meanU;
            double corrected = Math.Max(0, Math.Abs(diff) - 0.5);
            z = Math.Sign(diff) * corrected / Math.Sqrt(variance);
            p = Math.Min(1, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
        }

        // U of b (pairs where a is below b) gives the rank-biserial correlation in the direction of a.
        double uB = (n1 * (double)n2) - uA;
        double r = 1 - (2 * uB / (n1 * (double)n2));
        return new TestResult("Mann-Whitney U", z, double.NaN, p, r);
    }
}
