using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Randomness;
using MathNetDist = MathNet.Numerics.Distributions;

namespace Stepwise.Simulation.Tests;

public class DistributionTests
{
    public static TheoryData<Distribution, double, double> Cases() => new()
    {
        // distribution, theoretical mean, theoretical variance
        { Distribution.Exponential(120), 120, 120 * 120 },
        { Distribution.LogNormal(4, 0.5), Math.Exp(4 + 0.125), (Math.Exp(0.25) - 1) * Math.Exp(8 + 0.25) },
        { Distribution.Gamma(2.5, 40), 100, 2.5 * 40 * 40 },
        { Distribution.Gamma(0.6, 100), 60, 0.6 * 100 * 100 },
        { Distribution.Weibull(1.7, 300), 300 * Math.Exp(MathNet.Numerics.SpecialFunctions.GammaLn(1 + (1 / 1.7))), 300 * 300 * (Math.Exp(MathNet.Numerics.SpecialFunctions.GammaLn(1 + (2 / 1.7))) - Math.Exp(2 * MathNet.Numerics.SpecialFunctions.GammaLn(1 + (1 / 1.7)))) },
        { Distribution.Constant(42), 42, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_ManyDraws_HaveTheTheoreticalMeanAndVariance(Distribution distribution, double mean, double variance)
    {
        var random = new RandomStream(123);
        const int n = 400_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double x = distribution.Sample(random);
            sum += x;
            sumSq += x * x;
        }

        double m = sum / n;
        double v = (sumSq / n) - (m * m);
        Assert.Equal(mean, m, Math.Max(1e-9, 0.01 * mean));
        Assert.Equal(variance, v, Math.Max(1e-9, 0.03 * variance));
        Assert.Equal(mean, distribution.MeanValue, 1e-9 * Math.Max(1, mean));
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(60.0)]
    [InlineData(400.0)]
    public void Cdf_MatchesMathNet(double x)
    {
        Assert.Equal(MathNetDist.LogNormal.CDF(4, 0.5, x), Distribution.LogNormal(4, 0.5).Cdf(x), 1e-6);
        Assert.Equal(MathNetDist.Gamma.CDF(2.5, 1 / 40.0, x), Distribution.Gamma(2.5, 40).Cdf(x), 1e-9);
        Assert.Equal(MathNetDist.Weibull.CDF(1.7, 300, x), Distribution.Weibull(1.7, 300).Cdf(x), 1e-6);
        Assert.Equal(1 - Math.Exp(-Math.Pow(x / 300, 1.7)), Distribution.Weibull(1.7, 300).Cdf(x), 1e-15);
        Assert.Equal(MathNetDist.Exponential.CDF(1 / 120.0, x), Distribution.Exponential(120).Cdf(x), 1e-12);
    }

    [Fact]
    public void Empirical_QuantilesAndCdf_InterpolateLinearly()
    {
        // Quantiles at p = 0, 0.25, 0.5, 0.75, 1.
        var d = Distribution.Empirical([0, 10, 20, 40, 80]);
        Assert.Equal(0.5, d.Cdf(20), 12);
        Assert.Equal(0.625, d.Cdf(30), 12);
        Assert.Equal(1, d.Cdf(100), 12);
        Assert.Equal((5 + 15 + 30 + 60) / 4.0, d.MeanValue, 12);
        var random = new RandomStream(5);
        int below30 = 0;
        for (int i = 0; i < 200_000; i++)
        {
            below30 += d.Sample(random) <= 30 ? 1 : 0;
        }

        Assert.Equal(0.625, below30 / 200_000.0, 0.005);
    }

    [Fact]
    public void Validate_BadParameters_SayWhatIsNeeded()
    {
        Assert.Contains("mean", new Distribution { Kind = DistributionKind.Exponential }.Validate(), StringComparison.Ordinal);
        Assert.Contains("ascending", Distribution.Empirical([3, 2]).Validate(), StringComparison.Ordinal);
        Assert.Null(Distribution.Gamma(1, 1).Validate());
    }

    [Fact]
    public void Scaled_MultipliesTheMean()
    {
        foreach (var d in new[] { Distribution.Exponential(10), Distribution.LogNormal(2, 0.3), Distribution.Gamma(2, 5), Distribution.Weibull(1.5, 9), Distribution.Empirical([1, 2, 4]) })
        {
            Assert.Equal(d.MeanValue * 0.3, d.Scaled(0.3).MeanValue, 1e-9);
        }
    }

    [Fact]
    public void RandomStream_SameSeedSameNumbers_DifferentReplicationsDiffer()
    {
        var a = RandomStream.ForReplication(7, 3);
        var b = RandomStream.ForReplication(7, 3);
        var c = RandomStream.ForReplication(7, 4);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }

        Assert.NotEqual(RandomStream.ForReplication(7, 3).NextUInt64(), c.NextUInt64());
    }
}
