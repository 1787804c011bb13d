using Stepwise.Simulation.CallCentre;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;
using Stepwise.Testing;

namespace Stepwise.Simulation.Tests;

/// <summary>The contact-centre model on the Anonymous Bank call records of February 1999 (33,344 calls).</summary>
public class CallCentreTests
{
    private static readonly string BankFile = SharedData.PathOf("contact-centre/anonymous_bank_february_1999.txt");
    private static readonly Lazy<IReadOnlyList<CallRecord>> Calls = new(() => CallCentreRecords.Read(BankFile));

    [Fact]
    public void Read_EveryCall_OutcomesMatchAPlainCount()
    {
        // An independent count: split each line on tabs and look at the outcome column.
        var outcomes = File.ReadLines(BankFile).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[12]).GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        var calls = Calls.Value;
        Assert.Equal(outcomes.Values.Sum(), calls.Count);
        Assert.Equal(outcomes["AGENT"], calls.Count(c => c.Outcome == CallOutcome.Served));
        Assert.Equal(outcomes["HANG"], calls.Count(c => c.Outcome == CallOutcome.Abandoned));
        Assert.Equal(outcomes["PHANTOM"], calls.Count(c => c.Outcome == CallOutcome.Phantom));
        Assert.All(calls, c => Assert.True(c.ServiceTime >= 0 && c.Wait >= 0));
    }

    [Fact]
    public void Validate_CalibratedModel_ArrivalsWaitAbandonmentAndUtilisationWithin15Percent()
    {
        var calls = Calls.Value;
        var model = CallCentreDiscovery.Discover(calls, source: "anonymous_bank_february_1999.txt");
        var report = CallCentreValidation.Validate(calls, model, replications: 10);

        // The observed values, computed here from the records.
        var reached = calls.Where(c => c.Outcome != CallOutcome.Phantom && (c.QueueStart is not null || c.Outcome == CallOutcome.Served)).ToList();
        Assert.Equal(reached.Average(c => (double)c.Wait), report.Find("queue", "mean wait")!.Observed, 1e-9);
        Assert.Equal((double)reached.Count(c => c.Outcome == CallOutcome.Abandoned) / reached.Count, report.Find("queue", "abandonment share")!.Observed, 1e-12);

        foreach (var name in new[] { "mean wait", "abandonment share" })
        {
            Assert.InRange(Math.Abs(report.Find("queue", name)!.RelativeError), 0, 0.15);
        }

        Assert.InRange(Math.Abs(report.Find("agents", "utilisation")!.RelativeError), 0, 0.15);
        var hours = report.Metrics.Where(m => m.Group == "hourly arrivals" && m.Tolerance is not null).ToList();
        Assert.True(hours.Count >= 15);
        Assert.All(hours, m => Assert.InRange(Math.Abs(m.RelativeError), 0, 0.15));
        Assert.True(report.AllWithinTolerance);
    }

    [Fact]
    public void Discover_GivenQuantile_SkipsCalibrationAndMoreStaffMeansShorterWaits()
    {
        var calls = Calls.Value;
        var low = CallCentreDiscovery.Discover(calls, new CallCentreOptions { StaffingQuantile = 0.5 });
        var high = CallCentreDiscovery.Discover(calls, new CallCentreOptions { StaffingQuantile = 0.9 });
        Assert.True(high.Pools[0].Capacity.WeeklyTotal > low.Pools[0].Capacity.WeeklyTotal);
        var options = new Engine.SimulationOptions { Replications = 3, Horizon = TimeSpan.FromDays(14) };
        Assert.True(Engine.Simulator.Run(high, options).Kpi(Statistics.Kpis.WaitingMean)!.Estimate.Mean < Engine.Simulator.Run(low, options).Kpi(Statistics.Kpis.WaitingMean)!.Estimate.Mean);
    }

    [Fact]
    public void Read_BadHeaderOrRow_NamesFileLineAndColumn()
    {
        var header = Assert.Throws<SimulationFileException>(() => CallCentreRecords.Read(new StringReader("a\tb\n"), "calls.txt"));
        Assert.Contains("calls.txt, line 1", header.Message, StringComparison.Ordinal);
        string good = File.ReadLines(BankFile).First();
        var row = Assert.Throws<SimulationFileException>(() => CallCentreRecords.Read(new StringReader(good + "\nAA0101\t1\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\tAGENT\t7:61:55\t7:05:41\t166\tDORIT\n"), "calls.txt"));
        Assert.Contains("calls.txt, line 2, column 14", row.Message, StringComparison.Ordinal);
        Assert.Contains("ser_start", row.Message, StringComparison.Ordinal);
        var outcome = Assert.Throws<SimulationFileException>(() => CallCentreRecords.Read(new StringReader(good + "\nAA0101\t1\t0\t0\tPS\t990201\t7:02:47\t7:02:56\t9\t0:00:00\t0:00:00\t0\tMAYBE\t7:02:55\t7:05:41\t166\tDORIT\n"), "calls.txt"));
        Assert.Contains("AGENT, HANG or PHANTOM", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PatienceEstimator_HandWorkedKaplanMeier()
    {
        // Abandoned after 10, 20, 20 s; served after waiting 15 and 30 s (censored). At risk: 5.
        // t=10: 1 of 5 -> S = 0.8; t=20: 2 of 3 (15 left the risk set) -> S = 0.8 * (1/3) = 0.2667.
        // F reaches 0.2 at 10 s and 0.7333 at 20 s; beyond that patience is unbounded.
        var d = PatienceEstimator.Estimate([10, 20, 20], [15, 30]);
        Assert.Equal(DistributionKind.Empirical, d.Kind);
        Assert.Equal(10, Distribution.EmpiricalQuantile(d.Quantiles!, 0.15), 6);
        Assert.Equal(20, Distribution.EmpiricalQuantile(d.Quantiles!, 0.5), 6);
        Assert.Equal(20, Distribution.EmpiricalQuantile(d.Quantiles!, 0.73), 6);
        Assert.Equal(PatienceEstimator.Unbounded, Distribution.EmpiricalQuantile(d.Quantiles!, 0.75), 6);
    }
}
