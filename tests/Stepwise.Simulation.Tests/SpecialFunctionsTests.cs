using MathNet.Numerics.Distributions;
using Stepwise.Simulation.Distributions;
using MathNetSpecial = MathNet.Numerics.SpecialFunctions;

namespace Stepwise.Simulation.Tests;

/// <summary>The engine's own special functions against MathNet.Numerics as the reference.</summary>
public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(17.2)]
    [InlineData(150.0)]
    public void LogGamma_MatchesMathNet(double x)
        => Assert.Equal(MathNetSpecial.GammaLn(x), SpecialFunctions.LogGamma(x), 1e-9);

    [Theory]
    [InlineData(0.5, 0.2)]
    [InlineData(2.0, 1.0)]
    [InlineData(2.0, 5.0)]
    [InlineData(7.5, 3.0)]
    [InlineData(30.0, 35.0)]
    public void RegularizedGammaP_MatchesMathNet(double a, double x)
        => Assert.Equal(MathNetSpecial.GammaLowerRegularized(a, x), SpecialFunctions.RegularizedGammaP(a, x), 1e-9);

    [Theory]
    [InlineData(1.5)]
    [InlineData(4.0)]
    [InlineData(25.0)]
    public void DigammaAndTrigamma_MatchMathNet(double x)
    {
        Assert.Equal(MathNetSpecial.DiGamma(x), SpecialFunctions.Digamma(x), 1e-9);
        // ψ'(x) by a central difference of MathNet's digamma.
        double h = 1e-5;
        Assert.Equal((MathNetSpecial.DiGamma(x + h) - MathNetSpecial.DiGamma(x - h)) / (2 * h), SpecialFunctions.Trigamma(x), 1e-6);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.02)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.975)]
    [InlineData(0.9999)]
    public void NormalQuantile_MatchesMathNet(double p)
        => Assert.Equal(Normal.InvCDF(0, 1, p), SpecialFunctions.NormalQuantile(p), 1e-6);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(29)]
    [InlineData(200)]
    public void StudentTQuantile_MatchesMathNet(int degrees)
    {
        double expected = StudentT.InvCDF(0, 1, degrees, 0.975);
        Assert.Equal(expected, SpecialFunctions.StudentTQuantile(0.975, degrees), degrees < 3 ? 1e-9 : 2e-3 * expected);
    }
}
