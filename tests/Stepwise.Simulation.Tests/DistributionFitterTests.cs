using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Randomness;

namespace Stepwise.Simulation.Tests;

public class DistributionFitterTests
{
    private static double[] Draw(Distribution d, int n, ulong seed)
    {
        var random = new RandomStream(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = d.Sample(random);
        }

        return x;
    }

    private static double LogLikelihood(Distribution d, double[] x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += d.Kind switch
            {
                DistributionKind.Gamma => MathNet.Numerics.Distributions.Gamma.PDFLn(d.Shape!.Value, 1 / d.Scale!.Value, v),
                DistributionKind.Weibull => MathNet.Numerics.Distributions.Weibull.PDFLn(d.Shape!.Value, d.Scale!.Value, v),
                DistributionKind.LogNormal => MathNet.Numerics.Distributions.LogNormal.PDFLn(d.Mu!.Value, d.Sigma!.Value, v),
                _ => MathNet.Numerics.Distributions.Exponential.PDFLn(1 / d.Mean!.Value, v),
            };
        }

        return sum;
    }

    [Theory]
    [InlineData(DistributionKind.LogNormal)]
    [InlineData(DistributionKind.Gamma)]
    [InlineData(DistributionKind.Weibull)]
    [InlineData(DistributionKind.Exponential)]
    public void Fit_SampleOfAFamily_ChoosesItWithParametersNearTheTruth(DistributionKind kind)
    {
        var truth = kind switch
        {
            DistributionKind.LogNormal => Distribution.LogNormal(5, 0.8),
            DistributionKind.Gamma => Distribution.Gamma(3, 50),
            DistributionKind.Weibull => Distribution.Weibull(0.7, 200),
            _ => Distribution.Exponential(90),
        };
        var fit = DistributionFitter.Fit(Draw(truth, 3000, 42));
        Assert.Equal(kind, fit.Chosen.Kind);
        Assert.Equal(truth.MeanValue, fit.Chosen.MeanValue, 0.06 * truth.MeanValue);
    }

    [Theory]
    [InlineData(DistributionKind.Gamma)]
    [InlineData(DistributionKind.Weibull)]
    [InlineData(DistributionKind.LogNormal)]
    public void Fit_Parameters_MaximiseTheLikelihood(DistributionKind kind)
    {
        // Maximum likelihood: nudging either parameter by 2% lowers the log-likelihood (computed with MathNet).
        var x = Draw(Distribution.Gamma(2, 30), 2000, 9);
        var fitted = kind switch
        {
            DistributionKind.Gamma => DistributionFitter.FitGamma(x)!,
            DistributionKind.Weibull => DistributionFitter.FitWeibull(x)!,
            _ => DistributionFitter.FitLogNormal(x),
        };
        double best = LogLikelihood(fitted, x);
        foreach (double f in new[] { 0.98, 1.02 })
        {
            var nudged = kind switch
            {
                DistributionKind.Gamma => new[] { Distribution.Gamma(fitted.Shape!.Value * f, fitted.Scale!.Value), Distribution.Gamma(fitted.Shape.Value, fitted.Scale.Value * f) },
                DistributionKind.Weibull => [Distribution.Weibull(fitted.Shape!.Value * f, fitted.Scale!.Value), Distribution.Weibull(fitted.Shape.Value, fitted.Scale.Value * f)],
                _ => [Distribution.LogNormal(fitted.Mu!.Value * f, fitted.Sigma!.Value), Distribution.LogNormal(fitted.Mu.Value, fitted.Sigma.Value * f)],
            };
            foreach (var n in nudged)
            {
                Assert.True(LogLikelihood(n, x) < best, $"{n} beats the fit {fitted}");
            }
        }
    }

    [Fact]
    public void Fit_MixtureNoFamilyFits_UsesTheObservedValues()
    {
        // Two clusters (5 minutes and 3 days): no single family comes within the 5% critical distance.
        var x = Draw(Distribution.LogNormal(Math.Log(300), 0.2), 2000, 1).Concat(Draw(Distribution.LogNormal(Math.Log(259200), 0.2), 2000, 2)).ToArray();
        var fit = DistributionFitter.Fit(x);
        Assert.Equal(DistributionKind.Empirical, fit.Chosen.Kind);
        Assert.Equal(x.Average(), fit.Chosen.MeanValue, 0.01 * x.Average());
        Assert.Contains("observed values", fit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void KsDistance_MatchesBruteForce()
    {
        var x = Draw(Distribution.Exponential(10), 200, 3);
        Array.Sort(x);
        var d = Distribution.Exponential(11);
        double brute = 0;
        for (int i = 0; i < x.Length; i++)
        {
            // The empirical function jumps at each point: compare just before and at it.
            brute = Math.Max(brute, Math.Abs(d.Cdf(x[i]) - ((double)i / x.Length)));
            brute = Math.Max(brute, Math.Abs(d.Cdf(x[i]) - ((i + 1.0) / x.Length)));
        }

        Assert.Equal(brute, DistributionFitter.KsDistance(x, d), 12);
    }

    [Fact]
    public void Fit_SmallOrDegenerateSamples_AreHandled()
    {
        Assert.Equal(DistributionKind.Constant, DistributionFitter.Fit([]).Chosen.Kind);
        Assert.Equal(5, DistributionFitter.Fit([5, 5, 5]).Chosen.Value);
        Assert.Equal(DistributionKind.Empirical, DistributionFitter.Fit([1, 2, 3, 4]).Chosen.Kind);
        Assert.Equal(DistributionKind.Empirical, DistributionFitter.Fit([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]).Chosen.Kind);
    }
}
