using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Stepwise.Monitoring.Inference;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Monitoring.Tests;

/// <summary>The comparisons against published worked examples and exact distributions.</summary>
public sealed class InferenceReferenceTests
{
    /// <summary>
    /// Welch's interval: R's <c>t.test(extra ~ group, data = sleep)</c> (Student's sleep data, Cushny and Peebles)
    /// prints t = -1.8608, df = 17.776, p-value = 0.07939, 95% interval -3.3654832 to 0.2054832 for group 1 minus
    /// group 2; here before is group 1 and after group 2, so the interval is the published one negated.
    /// </summary>
    [Fact]
    public void MeanDifference_SleepData_MatchesRsWelchInterval()
    {
        double[] group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

        var r = MeanDifference.Compare(group1, group2, 0.95);

        Assert.Equal(1.58, r.Difference, 10);
        Assert.Equal(-0.2054832, r.Low, 6);
        Assert.Equal(3.3654832, r.High, 6);
        Assert.Equal(0.07939, r.PValue, 5);
    }

    /// <summary>Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score, no continuity
    /// correction): (a) 56/70 - 48/80: 0.0524 to 0.3339; (b) 9/10 - 3/10: 0.1705 to 0.8090; (c) 6/7 - 2/7: 0.0582 to
    /// 0.8062; (d) 5/56 - 0/29: -0.0381 to 0.1926. The first proportion is the after one here.</summary>
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    public void TwoProportions_NewcombeTableII_MatchesPublishedIntervals(int x2, int n2, int x1, int n1, double low, double high)
    {
        var r = TwoProportions.Compare(x1, n1, x2, n2, 0.95);

        Assert.Equal(low, r.Low, 4);
        Assert.Equal(high, r.High, 4);
    }

    [Fact]
    public void TwoProportions_PValue_IsThePooledZTest()
    {
        var r = TwoProportions.Compare(48, 80, 56, 70, 0.95);
        double pooled = 104.0 / 150, z = (0.8 - 0.6) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / 80) + (1.0 / 70)));

        Assert.Equal(2 * (1 - Normal.CDF(0, 1, z)), r.PValue, 12);
    }

    /// <summary>
    /// The Hodges-Lehmann shift with an exact interval: the worked example of R's <c>wilcox.test(treated, untreated,
    /// conf.int = TRUE)</c> on treated 323, 421, 578, 300, 256, 640, 912, 370 and untreated 2388, 210, 380, 345, 1130,
    /// 260, 665, 1157 prints W = 25, p-value = 0.5054, 95% interval -807 to 198, difference in location -83.5.
    /// </summary>
    [Fact]
    public void HodgesLehmann_PublishedExample_MatchesRsWilcoxTest()
    {
        double[] treated = [323, 421, 578, 300, 256, 640, 912, 370];
        double[] untreated = [2388, 210, 380, 345, 1130, 260, 665, 1157];

        var r = HodgesLehmann.Compare(untreated, treated, 0.95);

        Assert.Equal(-83.5, r.Difference);
        Assert.Equal(-807, r.Low);
        Assert.Equal(198, r.High);
        Assert.Equal(0.5054, r.PValue, 4);
    }

    /// <summary>With ties and large samples the shift, Moses' normal-approximation ranks and the k-th difference
    /// search agree with listing and sorting every difference.</summary>
    [Fact]
    public void HodgesLehmann_LargeTiedSamples_MatchesSortingEveryDifference()
    {
        var random = new SeededRandom(3);
        double[] x = [.. Enumerable.Range(0, 180).Select(_ => Math.Round(random.NextDouble() * 40))];
        double[] y = [.. Enumerable.Range(0, 150).Select(_ => Math.Round((random.NextDouble() * 40) - 6))];
        var diffs = (from b in x from a in y select a - b).Order().ToArray();
        int n = diffs.Length;
        long c = (long)Math.Round((n / 2.0) - (1.959963984540054 * Math.Sqrt(n * (x.Length + y.Length + 1.0) / 12)));

        var r = HodgesLehmann.Compare(x, y, 0.95);

        Assert.Equal((diffs[(n / 2) - 1] + diffs[n / 2]) / 2, r.Difference);
        Assert.Equal(diffs[c - 1], r.Low);
        Assert.Equal(diffs[n - c], r.High);
    }

    /// <summary>The exact null distribution of the Mann-Whitney count against enumerating every arrangement.</summary>
    [Theory]
    [InlineData(3, 4)]
    [InlineData(5, 5)]
    [InlineData(2, 9)]
    public void MannWhitneyCdf_SmallSamples_MatchesEnumeration(int n1, int n2)
    {
        int n = n1 + n2;
        var counts = new double[(n1 * n2) + 1];
        int total = 0;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            if (int.PopCount(mask) != n1)
            {
                continue;
            }

            // U counts pairs with a second-sample value below a first-sample value.
            int u = 0, seconds = 0;
            for (int i = 0; i < n; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    u += seconds;
                }
                else
                {
                    seconds++;
                }
            }

            counts[u]++;
            total++;
        }

        var cdf = HodgesLehmann.MannWhitneyCdf(n1, n2);
        double running = 0;
        for (int u = 0; u < counts.Length; u++)
        {
            running += counts[u] / total;
            Assert.Equal(running, cdf[u], 12);
        }

        Assert.Equal(SpecialFunctions.Binomial(n, n1), total, 6);
    }
}
