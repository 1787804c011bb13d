using Stepwise.Workbench.Monitoring;

namespace Stepwise.Workbench.Tests;

/// <summary>P-values as the monitor page prints them: three decimals, more only where three would round to the 0.05
/// level the verdicts are decided at.</summary>
public sealed class MonitoringWordsTests
{
    [Theory]
    [InlineData(0.0496, "0.0496")] // improved at 0.05: "0.050" would contradict the verdict
    [InlineData(0.0504, "0.0504")]
    [InlineData(0.04996, "0.04996")]
    [InlineData(0.05, "0.050")]
    [InlineData(0.0494, "0.049")]
    [InlineData(0.0506, "0.051")]
    [InlineData(0.5098, "0.510")]
    [InlineData(0.0004, "< 0.001")]
    [InlineData(null, "–")]
    public void PValue_NeverRoundsOntoTheTestLevel(double? p, string expected) => Assert.Equal(expected, MonitoringWords.PValue(p));
}
