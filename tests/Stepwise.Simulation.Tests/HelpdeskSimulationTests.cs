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
    public void Validate_AsIs_StepFrequenciesWithin5PercentAndMedianThroughputWithin15Percent()
    {
        var log = Log.Value;
        var report = ModelValidation.Validate(log, Model.Value, replications: 10, seed: 1);

        // The observed median, computed here from the log.
        var throughput = Enumerable.Range(0, log.CaseCount).Select(c => (log.CaseEndTime(c) - log.CaseStartTime(c)) / (double)TimeSpan.TicksPerSecond).Order().ToArray();
        double median = (throughput[(throughput.Length - 1) / 2] + throughput[throughput.Length / 2]) / 2;
        var medianMetric = report.Find("throughput", "median")!;
        Assert.Equal(median, medianMetric.Observed, 1e-6 * median);
        Assert.InRange(Math.Abs(medianMetric.RelativeError), 0, 0.15);

        var targeted = report.Metrics.Where(m => m.Group == "step frequency" && m.Tolerance is not null).ToList();
        Assert.Equal(7, targeted.Count); // the steps executed at least 100 times
        Assert.All(targeted, m => Assert.InRange(Math.Abs(m.RelativeError), 0, 0.05));
        Assert.True(report.AllWithinTolerance);
        Assert.InRange(report.ThroughputKs, 0, 1);
    }

    [Fact]
    public void SavedModel_LoadedBack_SimulatesIdentically()
    {
        var options = new SimulationOptions { Replications = 3, Seed = 5, Horizon = TimeSpan.FromDays(120) };
        var reloaded = ModelFile.Parse(ModelFile.ToJson(Model.Value), "helpdesk-model.json");
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
        var p90 = Simulator.Compare(asIs, scenario).Single(c => c.Key == Kpis.ThroughputP90);
        Assert.True(p90.Significant);
        Assert.True(p90.Difference.Mean < 0);
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
