using Stepwise.Charts.Drawing;

namespace Stepwise.Charts.Tests;

public sealed class NiceScaleTests
{
    [Theory]
    [InlineData(0, 97, 5, 0, 100, 20)]
    [InlineData(0.13, 0.87, 4, 0, 1, 0.2)]
    [InlineData(3, 41.2, 8, 0, 45, 5)]
    [InlineData(-25000, 11000, 6, -30000, 20000, 10000)]
    [InlineData(0.0012, 0.0079, 4, 0, 0.008, 0.002)]
    public void Create_GivesRoundStepsCoveringTheRange(double low, double high, int ticks, double min, double max, double step)
    {
        var scale = NiceScale.Create(low, high, ticks);
        Assert.Equal(min, scale.Min, 9);
        Assert.Equal(max, scale.Max, 9);
        Assert.Equal(step, scale.Step, 12);
    }

    [Fact]
    public void Create_StepsAreOneTwoOrFiveTimesAPowerOfTen()
    {
        for (int i = 1; i < 2000; i++)
        {
            double high = i * 0.37;
            var scale = NiceScale.Create(0, high, 1 + (i % 9));
            double mantissa = scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step)));
            Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
            Assert.True(scale.Min <= 0 && scale.Max >= high - 1e-9);
            Assert.Equal(scale.Ticks.Count - 1, (int)Math.Round((scale.Max - scale.Min) / scale.Step));
        }
    }

    [Fact]
    public void Create_SingleValue_StillHasARange()
    {
        var scale = NiceScale.Create(5, 5, 5);
        Assert.True(scale.Min < 5 && scale.Max > 5);
    }
}
