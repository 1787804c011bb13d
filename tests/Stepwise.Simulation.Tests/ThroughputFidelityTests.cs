using Stepwise.Mining;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Validation;

namespace Stepwise.Simulation.Tests;

/// <summary>
/// Discovered models reproduce the median and the 90th percentile of the throughput time within 15% on logs whose
/// cases wait long for someone outside the team and on a bimodal mixture, the cases where drawing each step's time on
/// its own failed (help desk p90 +22%, a problem-management log -25%, a permit log +494%). The observed quantiles are
/// computed here from the logs, not taken from the report.
/// </summary>
public class ThroughputFidelityTests
{
    private static ValidationReport Check(LogView view, double tolerance = 0.15)
    {
        var model = ModelDiscovery.Discover(view);
        var report = ModelValidation.Validate(view, model, replications: 10, seed: 1);
        var observed = RealLogs.Throughputs(view);
        var median = report.Find("throughput", "median")!;
        var p90 = report.Find("throughput", "p90")!;
        Assert.Equal(RealLogs.Quantile(observed, 0.5), median.Observed, 1e-6 * median.Observed);
        Assert.Equal(RealLogs.Quantile(observed, 0.9), p90.Observed, 1e-6 * p90.Observed);
        Assert.InRange(median.Simulated / median.Observed, 1 - tolerance, 1 + tolerance);
        Assert.InRange(p90.Simulated / p90.Observed, 1 - tolerance, 1 + tolerance);
        Assert.Equal(true, median.WithinTolerance);
        Assert.Equal(true, p90.WithinTolerance);
        Assert.StartsWith("Throughput time: median ", report.Summary[0], StringComparison.Ordinal);
        return report;
    }

    [Fact]
    public void Helpdesk_MedianAndP90Within15Percent()
    {
        var report = Check(RealLogs.Helpdesk);

        // The spread the independent model overstated (p90 +22%): the distance between the distributions is small too.
        Assert.InRange(report.ThroughputKs, 0, 0.15);
    }

    [Fact]
    public void Bimodal_SeventyPercentWithinAnHour_MedianAndP90Within15Percent()
    {
        var view = RealLogs.Bimodal();
        var observed = RealLogs.Throughputs(view);
        Assert.InRange(observed.Count(t => t < 3600) / (double)observed.Length, 0.68, 0.74); // the mixture is what it says

        Check(view);
    }

    [Fact]
    public void Bpic2013_WaitsForTheUserAsSteps_MedianAndP90Within15Percent()
        => Check(RealLogs.Bpic2013BySubStatus);

    [Fact]
    public void Bpic2013_CasesThatWaitedForTheUser_MedianAndP90Within15Percent()
    {
        var view = RealLogs.WithUserWaits();
        Assert.True(view.CaseCount > 1000);

        // These cases wait for the user: their median is more than half as long again as the whole log's (300 h, 181 h).
        Assert.True(RealLogs.Quantile(RealLogs.Throughputs(view), 0.5) > 1.5 * RealLogs.Quantile(RealLogs.Throughputs(RealLogs.Bpic2013BySubStatus), 0.5));
        Check(view);
    }
}
