using Stepwise.Simulation.Validation;

namespace Stepwise.Simulation.Tests;

/// <summary>The validation's sentences say which measure missed, and never that the model reproduces the data when the
/// throughput time is off.</summary>
public class ValidationSummaryTests
{
    private static ValidationReport Report(double medianSimulated, double p90Simulated, double frequencySimulated = 1.0) => new(
        [
            new ValidationMetric("step frequency", "Resolve", 1.0, frequencySimulated, 0.05, "per case"),
            new ValidationMetric("throughput", "median", 100, medianSimulated, 0.15, "seconds"),
            new ValidationMetric("throughput", "p90", 200, p90Simulated, 0.15, "seconds"),
            new ValidationMetric("throughput", "mean", 120, 150, null, "seconds"),
        ],
        0.1,
        10,
        []);

    [Fact]
    public void Summary_AllWithin_SaysSoWithTheErrors()
    {
        var summary = Report(98, 210).Summary;

        Assert.Equal("Throughput time: median -2.0% and 90th percentile +5.0% against the log, within the 15% target.", summary[0]);
        Assert.Equal("All 1 step frequencies with a target within it.", summary[1]);
        Assert.Equal("The as-is model reproduces the data on every measure with a target.", summary[2]);
    }

    [Fact]
    public void Summary_P90Off_NamesItAndNeverSaysWithin()
    {
        // The help desk before: median -2.3%, p90 +22%.
        var report = Report(97.7, 244);

        Assert.False(report.AllWithinTolerance);
        Assert.Equal("Throughput time is off: the 90th percentile by +22.0% (target 15%); the median is within (-2.3%).", report.Summary[0]);
        Assert.Equal("The as-is model does not reproduce the data on 1 measure with a target: read its predictions with that in mind.", report.Summary[^1]);
        Assert.DoesNotContain(report.Summary, s => s.Contains("reproduces the data on every", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_ThroughputWithinButTheTimeBeforeTheLastStepOff_NamesItAndNeverSaysReproduced()
    {
        // The incident export: a 5-day closing timer carries the throughput time, while the time to the last step is short.
        var report = new ValidationReport(
            [
                new ValidationMetric("throughput", "median", 6 * 86400, 6.1 * 86400, 0.15, "seconds"),
                new ValidationMetric("throughput", "p90", 22 * 86400, 21 * 86400, 0.15, "seconds"),
                new ValidationMetric(ModelValidation.BeforeLastStep, "median", 0.666 * 86400, 0.1 * 86400, 0.15, "seconds"),
                new ValidationMetric(ModelValidation.BeforeLastStep, "p90", 15 * 86400, 14 * 86400, null, "seconds"),
            ],
            0.1,
            10,
            []);

        Assert.False(report.AllWithinTolerance);
        Assert.StartsWith("Throughput time: median ", report.Summary[0], StringComparison.Ordinal);
        Assert.Equal("Time before the last step (from a case's first event until its last step is due) is off: the median by -85.0% (2.4 h simulated against 16 h in the log) (target 15%), though the throughput time is within: its last step (a timer, a closing wait) carries it, not the work before.", report.Summary[1]);
        Assert.Equal("The as-is model does not reproduce the data on 1 measure with a target: read its predictions with that in mind.", report.Summary[^1]);
    }

    [Fact]
    public void Summary_TimeBeforeTheLastStepWithin_SaysSo()
    {
        var report = new ValidationReport(
            [
                new ValidationMetric("throughput", "median", 100, 98, 0.15, "seconds"),
                new ValidationMetric(ModelValidation.BeforeLastStep, "median", 50, 54, 0.15, "seconds"),
            ],
            0.1,
            10,
            []);

        Assert.True(report.AllWithinTolerance);
        Assert.Equal("Time before the last step (from a case's first event until its last step is due): median +8.0% against the log, within the 15% target.", report.Summary[1]);
        Assert.Equal("The as-is model reproduces the data on every measure with a target.", report.Summary[^1]);
    }

    [Fact]
    public void Summary_MedianAndAFrequencyOff_NamesBoth()
    {
        var report = Report(594, 180, 1.07);

        Assert.StartsWith("Throughput time is off: the median by +494.0% (target 15%); the 90th percentile is within (-10.0%).", report.Summary[0], StringComparison.Ordinal);
        Assert.Equal("Off target: step frequency 'Resolve' +7.0% (target 5%); the other 0 of 1 within.", report.Summary[1]);
        Assert.StartsWith("The as-is model does not reproduce the data on 2 measures", report.Summary[^1], StringComparison.Ordinal);
    }
}
