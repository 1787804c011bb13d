using MathNet.Numerics.Distributions;
using Stepwise.Statistics.Inference;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Statistics.Tests.Inference;

public class InferenceTests
{
    [Fact]
    public void Independence_HandWorkedTwoByTwo_StatisticAndPValue()
    {
        // Rows 30 / 70, columns 40 / 60, total 100: expected 12, 18, 28, 42.
        // chi² = (20-12)²/12 + (10-18)²/18 + (20-28)²/28 + (50-42)²/42 = 64 (1/12 + 1/18 + 1/28 + 1/42) = 12.6984...
        var r = ChiSquareTest.Independence(new long[,] { { 20, 10 }, { 20, 50 } });
        double expected = 64 * ((1.0 / 12) + (1.0 / 18) + (1.0 / 28) + (1.0 / 42));
        Assert.Equal(expected, r.Statistic, 10);
        Assert.Equal(1, r.DegreesOfFreedom);
        Assert.Equal(1 - ChiSquared.CDF(1, expected), r.PValue, 10);
        Assert.Equal(Math.Sqrt(expected / 100), r.EffectSize, 10);
    }

    [Fact]
    public void GoodnessOfFit_FairDie_TextbookStatistic()
    {
        // 60 rolls, 10 expected per face: (5² + 3² + 2² + 0 + 1 + 1) / 10 = 4.0 on 5 df.
        var r = ChiSquareTest.GoodnessOfFit([5, 13, 12, 10, 9, 11], [1, 1, 1, 1, 1, 1]);
        Assert.Equal(4.0, r.Statistic, 10);
        Assert.Equal(5, r.DegreesOfFreedom);
        Assert.Equal(1 - ChiSquared.CDF(5, 4.0), r.PValue, 10);
    }

    [Fact]
    public void Welch_WikipediaExample1_MatchesPublishedValues()
    {
        // Welch's t-test, Wikipedia "Welch's t-test", Examples, first pair of samples: t = -2.46, df = 25.0, p = 0.021.
        double[] a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
        var r = WelchTest.Compare(a1, a2);
        Assert.Equal(-2.46, r.Statistic, 2);
        Assert.Equal(25.0, r.DegreesOfFreedom, 0);
        Assert.Equal(0.021, r.PValue, 3);
    }

    [Fact]
    public void MannWhitney_EffectSize_MatchesBruteForcePairCount()
    {
        double[] a = [1, 2, 2, 3, 4, 4, 5];
        double[] b = [2, 3, 3, 4, 5, 5, 5, 5];
        // Count pairs where a > b (ties one half), directly.
        double greater = 0;
        foreach (double x in a)
        {
            foreach (double y in b)
            {
                greater += x > y ? 1 : x == y ? 0.5 : 0;
            }
        }

        var r = MannWhitneyTest.Compare(a, b);
        Assert.Equal((2 * greater / (a.Length * b.Length)) - 1, r.EffectSize, 12);
    }

    [Fact]
    public void MannWhitney_LikertSamples_PValueAgreesWithPermutationTest()
    {
        var random = new SeededRandom(7);
        double[] a = [.. Enumerable.Range(0, 40).Select(_ => 1.0 + random.NextInt(5))];
        double[] b = [.. Enumerable.Range(0, 35).Select(_ => Math.Min(5, 1.0 + random.NextInt(5) + (random.NextDouble() < 0.3 ? 1 : 0)))];
        var r = MannWhitneyTest.Compare(a, b);

        // Brute-force reference: shuffle the labels many times and count statistics at least as extreme.
        double Statistic(double[] x, double[] y)
        {
            double s = 0;
            foreach (double p in x)
            {
                foreach (double q in y)
                {
                    s += p > q ? 1 : p == q ? 0.5 : 0;
                }
            }

            return Math.Abs(s - (x.Length * y.Length / 2.0));
        }

        double observed = Statistic(a, b);
        double[] pooled = [.. a, .. b];
        int extreme = 0, permutations = 4000;
        for (int k = 0; k < permutations; k++)
        {
            for (int i = pooled.Length - 1; i > 0; i--)
            {
                int j = random.NextInt(i + 1);
                (pooled[i], pooled[j]) = (pooled[j], pooled[i]);
            }

            if (Statistic(pooled[..a.Length], pooled[a.Length..]) >= observed - 1e-9)
            {
                extreme++;
            }
        }

        double permutationP = (double)extreme / permutations;
        Assert.InRange(r.PValue, permutationP - 0.03, permutationP + 0.03);
    }

    [Fact]
    public void Holm_HandWorked()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04, made monotone: 0.02, 0.03, 0.06, 0.06.
        var adjusted = MultipleComparisons.Adjust([0.01, 0.04, 0.03, 0.005], Adjustment.Holm);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 10)));
    }

    [Fact]
    public void BenjaminiHochberg_HandWorked()
    {
        // Sorted p times m / rank: 0.005*4/1 = 0.02, 0.01*4/2 = 0.02, 0.03*4/3 = 0.04, 0.04*4/4 = 0.04.
        var adjusted = MultipleComparisons.Adjust([0.01, 0.04, 0.03, 0.005, double.NaN], Adjustment.BenjaminiHochberg);
        Assert.Equal(0.02, adjusted[0], 10);
        Assert.Equal(0.04, adjusted[1], 10);
        Assert.Equal(0.04, adjusted[2], 10);
        Assert.Equal(0.02, adjusted[3], 10);
        Assert.True(double.IsNaN(adjusted[4]));
    }
}
