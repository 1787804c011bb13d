using MathNet.Numerics.Distributions;
using MathNet.Numerics.RootFinding;
using Stepwise.Statistics.Estimates;

namespace Stepwise.Statistics.Tests.Estimates;

public class EstimateTests
{
    // Newcombe, R. G. (1998) Two-sided confidence intervals for the single proportion: comparison of seven methods.
    // Statistics in Medicine 17, 857-872, Table II, method 3 (Wilson score interval without continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_NewcombeExamples_MatchPublishedBounds(int x, int n, double lower, double upper)
    {
        var e = Proportions.Wilson(x, n, 0.95);
        Assert.Equal(lower, e.Lower, 4);
        Assert.Equal(upper, e.Upper, 4);
    }

    [Theory]
    [InlineData(7, 40)]
    [InlineData(390, 500)]
    public void Wilson_Bounds_AreWhereTheScoreTestEqualsZ(int x, int n)
    {
        // Independent definition: the Wilson bounds are the p at which |p̂ - p| / sqrt(p(1 - p)/n) = z.
        double z = Normal.InvCDF(0, 1, 0.975), phat = (double)x / n;
        double Score(double p) => Math.Abs(phat - p) / Math.Sqrt(p * (1 - p) / n) - z;
        double lower = Bisection.FindRoot(Score, 1e-9, phat, 1e-12);
        double upper = Bisection.FindRoot(Score, phat, 1 - 1e-9, 1e-12);
        var e = Proportions.Wilson(x, n);
        Assert.Equal(lower, e.Lower, 8);
        Assert.Equal(upper, e.Upper, 8);
    }

    [Fact]
    public void ClopperPearson_Bounds_InvertTheBinomialTails()
    {
        var e = Proportions.ClopperPearson(7, 40, 0.95);
        // At the lower bound P(X >= 7) = 0.025, at the upper bound P(X <= 7) = 0.025.
        Assert.Equal(0.025, 1 - Binomial.CDF(e.Lower, 40, 6), 6);
        Assert.Equal(0.025, Binomial.CDF(e.Upper, 40, 7), 6);
    }

    [Fact]
    public void TInterval_HandWorkedSample_MatchesStudentT()
    {
        double[] xs = [4, 5, 3, 5, 4, 2, 5, 4, double.NaN];
        // Mean 32/8 = 4; squared deviations 0+1+1+1+0+4+1+0 = 8, s² = 8/7.
        var e = Means.TInterval(xs, 0.95);
        Assert.Equal(8, e.Count);
        Assert.Equal(4.0, e.Value, 12);
        double half = StudentT.InvCDF(0, 1, 7, 0.975) * Math.Sqrt(8.0 / 7 / 8);
        Assert.Equal(4 - half, e.Lower, 10);
        // And the interval's coverage, by the t CDF: P(|T| < half / se) = 0.95.
        double tEdge = (e.Upper - e.Value) / Math.Sqrt(8.0 / 7 / 8);
        Assert.Equal(0.95, StudentT.CDF(0, 1, 7, tEdge) - StudentT.CDF(0, 1, 7, -tEdge), 10);
    }

    [Fact]
    public void Nps_ScoresCodedPlusMinusOne_MatchesMeanAndStandardError()
    {
        double[] scores = [10, 9, 9, 8, 7, 6, 5, 0, 10, 3, 9, 8, 2, 10, 7, double.NaN];
        var nps = NetPromoterScore.Compute(scores, 0.95);
        // Brute force: code each answer +1 (9-10), 0 (7-8), -1 (0-6); NPS is 100 x their mean, SE from the population variance.
        var coded = scores.Where(s => !double.IsNaN(s)).Select(s => s >= 9 ? 1.0 : s <= 6 ? -1.0 : 0.0).ToArray();
        double mean = coded.Average();
        double variance = coded.Select(c => (c - mean) * (c - mean)).Sum() / coded.Length;
        double se = Math.Sqrt(variance / coded.Length);
        Assert.Equal(100 * mean, nps.Score.Value, 10);
        Assert.Equal(100 * (mean - 1.959963984540054 * se), nps.Score.Lower, 8);
        Assert.Equal(6.0 / 15, nps.Promoters, 12);
        Assert.Equal(5.0 / 15, nps.Detractors, 12);
    }

    [Fact]
    public void Nps_ScoreAboveTen_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.Compute([11.0]));
}
