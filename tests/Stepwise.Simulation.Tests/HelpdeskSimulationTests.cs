using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;
using Stepwise.Simulation.Validation;
using Stepwise.Testing;

namespace Stepwise.Simulation.Tests;

/// <summary>Discovery and validation on the real help-desk log (4,580 cases, 21,348 events).</summary>
public class HelpdeskSimulationTests
{
    private static readonly Lazy<EventLog> Log = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log);
    private static readonly Lazy<SimulationModel> Model = new(() => ModelDiscovery.Discover(Log.Value, source: "helpdesk.xes.gz"));

    [Fact]
    public void Discover_ArrivalRates_AddUpToTheCasesOfTheLog()
    {
        // Expected arrivals = sum over every hour from the first to the last arrival of the rate of its hour of week.
        var log = Log.Value;
        var rates = Model.Value.Arrivals.CasesPerHour.ToHourOfWeek();
        long first = Enumerable.Range(0, log.CaseCount).Min(log.CaseStartTime);
        long last = Enumerable.Range(0, log.CaseCount).Max(log.CaseStartTime);
        var hour = new DateTime(first, DateTimeKind.Utc);
        hour = hour.Date.AddHours(hour.Hour);
        double expected = 0;
        for (; hour.Ticks <= last; hour = hour.AddHours(1))
        {
            int hourOfWeek = ((((int)hour.DayOfWeek + 6) % 7) * 24) + hour.Hour;
            expected += rates[hourOfWeek];
        }

        Assert.Equal(log.CaseCount, expected, 1e-6 * log.CaseCount);
    }

    [Fact]
    public void Discover_FirstStep_HasTheObservedShares()
    {
        var log = Log.Value;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < log.CaseCount; c++)
        {
            string first = log.ActivityNames[log.CaseActivities(c)[0]];
            counts[first] = counts.GetValueOrDefault(first) + 1;
        }

        var start = Model.Value.Routing.Rules.Single(r => r.After.Count == 0);
        Assert.Equal(counts.Count, start.Next.Count);
        foreach (var (step, n) in counts)
        {
            Assert.Equal((double)n / log.CaseCount, start.Next[step], 12);
        }
    }

    [Fact]
    public void Validate_AsIs_StepFrequenciesWithin5PercentAndMedianAndP90ThroughputWithin15Percent()
    {
        var log = Log.Value;
        var report = ModelValidation.Validate(log, Model.Value, replications: 10, seed: 1);

        // The observed median and 90th percentile, computed here from the log.
        var throughput = RealLogs.Throughputs(log);
        double median = (throughput[(throughput.Length - 1) / 2] + throughput[throughput.Length / 2]) / 2;
        var medianMetric = report.Find("throughput", "median")!;
        Assert.Equal(median, medianMetric.Observed, 1e-6 * median);
        Assert.InRange(Math.Abs(medianMetric.RelativeError), 0, 0.15);
        var p90 = report.Find("throughput", "p90")!;
        Assert.Equal(RealLogs.Quantile(throughput, 0.9), p90.Observed, 1e-6 * p90.Observed);
        Assert.InRange(Math.Abs(p90.RelativeError), 0, 0.15);

        // The steps executed at least 400 times (counted here): Assign seriousness, Take in charge, Resolve, Closed, Wait.
        var targeted = report.Metrics.Where(m => m.Group == "step frequency" && m.Tolerance is not null).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        var frequent = Enumerable.Range(0, log.ActivityNames.Count).Where(a => log.Activities.ToArray().Count(x => x == a) >= 400).Select(a => log.ActivityNames[a]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(frequent, targeted);
        Assert.Equal(5, targeted.Count);
        Assert.All(report.Metrics.Where(m => m.Tolerance is not null && m.Group == "step frequency"), m => Assert.InRange(Math.Abs(m.RelativeError), 0, 0.05));
        Assert.True(report.AllWithinTolerance);
        Assert.DoesNotContain(report.Warnings, w => w.StartsWith("Arrivals are far from steady", StringComparison.Ordinal));
        Assert.Empty(report.Warnings);
        Assert.Equal("The as-is model reproduces the data on every measure with a target.", report.Summary[^1]);
        Assert.InRange(report.ThroughputKs, 0, 0.15);
    }

    [Fact]
    public void SavedModel_LoadedBack_SimulatesIdentically()
    {
        var options = new SimulationOptions { Replications = 3, Seed = 5, Horizon = TimeSpan.FromDays(120) };
        string json = ModelFile.ToJson(Model.Value);
        var reloaded = ModelFile.Parse(json, "helpdesk-model.json");
        Assert.Equal(json, ModelFile.ToJson(reloaded));
        var a = Simulator.Run(Model.Value, options);
        var b = Simulator.Run(reloaded, options);
        Assert.Equal(a.Kpi(Kpis.ThroughputMedian)!.Values, b.Kpi(Kpis.ThroughputMedian)!.Values);
    }

    [Fact]
    public void Scenario_RemoveWait_ShortensThroughputSignificantly()
    {
        var options = new SimulationOptions { Replications = 10, Seed = 2, Horizon = TimeSpan.FromDays(365) };
        var asIs = Simulator.Run(Model.Value, options);
        var scenario = Simulator.Run(Model.Value, options, new Scenario("no waiting step", [new RemoveStep("Wait")]));
        // A third of the cases park in 'Wait' for 3.4 days on average: the median falls. (The 90th percentile is set by
        // the cases waiting for the closing timer, which removing 'Wait' does not touch.)
        var median = Simulator.Compare(asIs, scenario).Single(c => c.Key == Kpis.ThroughputMedian);
        Assert.True(median.Significant);
        Assert.True(median.Difference.High < 0);
        // Fewer executions of "Wait": none at all.
        int wait = scenario.Model.Activities.ToList().FindIndex(a => a.Name == "Wait");
        Assert.All(scenario.Replications, r => Assert.Equal(0, r.StepExecutions[wait]));
    }

    [Fact]
    public void Discover_PoolsByResource_OnePoolPerResourceWithShares()
    {
        var model = ModelDiscovery.Discover(Log.Value, new DiscoveryOptions { PoolAttribute = "org:resource" });
        Assert.Equal(Log.Value.ResourceNames.Count, model.Pools.Count(p => !p.Name.StartsWith("(no ", StringComparison.Ordinal)));
        Assert.All(model.Activities, a => Assert.Equal(1, a.Pools.Sum(p => p.Share), 9));
        Assert.Throws<ArgumentException>(() => ModelDiscovery.Discover(Log.Value, new DiscoveryOptions { PoolAttribute = "no-such-attribute" }));
    }
}
