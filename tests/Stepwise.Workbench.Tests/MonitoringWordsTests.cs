using Stepwise.Review.Monitoring;
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

    /// <summary>A KPI of a run testing 10 KPIs: rework down 1.0 to 3.0 points on its own (p = 0.012), not once the 10 are
    /// allowed for (adjusted p = 0.06), so the verdict is no clear change.</summary>
    private static KpiOutcome Rework(ChangeVerdict verdict, double low, double high) => new()
    {
        Key = "rework_rate", Name = "Rework rate", Unit = "share", Better = "lower",
        Before = 0.30, After = 0.28, Difference = -0.02, Low = low, High = high, PValue = 0.012, AdjustedPValue = 0.06,
        MeaningfulChange = 0.05, Verdict = verdict,
    };

    [Theory]
    [InlineData(ChangeVerdict.NoDetectableChange, -0.03, -0.01, 10, true)]
    [InlineData(ChangeVerdict.Undecided, 0.01, 0.09, 10, true)]
    [InlineData(ChangeVerdict.NoDetectableChange, -0.03, 0.01, 10, false)] // the interval holds zero
    [InlineData(ChangeVerdict.NoDetectableChange, -0.03, 0.0, 10, false)] // touching zero is not leaving it out
    [InlineData(ChangeVerdict.NoDetectableChange, -0.03, -0.01, 1, false)] // one KPI: nothing to allow for
    [InlineData(ChangeVerdict.Improved, -0.03, -0.01, 10, false)] // a clear change says so itself
    public void ClearOnlyAlone_OnlyWhereTheOwnIntervalLeavesOutZeroAndTheVerdictIsNoChange(ChangeVerdict verdict, double low, double high, int tested, bool expected)
        => Assert.Equal(expected, MonitoringWords.ClearOnlyAlone(Rework(verdict, low, high), tested));

    [Fact]
    public void VerdictAndSentence_SayWhyAChangeClearOnItsOwnIsNotCounted()
    {
        var kpi = Rework(ChangeVerdict.NoDetectableChange, -0.03, -0.01);

        Assert.Equal("not clear allowing for 10 KPIs", MonitoringWords.Verdict(kpi, 10));
        Assert.Equal("no detectable change", MonitoringWords.Verdict(kpi, 1));
        string sentence = MonitoringWords.Sentence(kpi, 10);
        Assert.Equal("not a clear change once the 10 KPIs tested together are allowed for: its interval (−3.0 pp to −1.0 pp) "
            + "leaves out zero on its own (p = 0.012), but not once the 10 are allowed for (p = 0.060); even at its largest "
            + "the change is smaller than the meaningful change (5.0 pp).", sentence);
        Assert.DoesNotContain("no detectable change", sentence, StringComparison.Ordinal);
        Assert.StartsWith("no detectable change:", MonitoringWords.Sentence(kpi), StringComparison.Ordinal);
        Assert.Equal(MonitoringWords.Sentence(kpi), MonitoringWords.Sentence(kpi, 1));
    }
}
