using Stepwise.Mining;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;

namespace Stepwise.Simulation.Tests;

/// <summary>
/// Staff on shift from the people seen working in each hour of the week, and staffing changes that bite, on the real
/// help-desk (22 people; the old model assumed 283 staff and adding 20 changed nothing) and BPI 2013 logs.
/// </summary>
public class StaffingTests
{
    private static readonly Lazy<SimulationModel> Helpdesk = new(() => ModelDiscovery.Discover(RealLogs.Helpdesk, source: "helpdesk.xes.gz"));
    private static readonly Lazy<SimulationModel> Bpic = new(() => ModelDiscovery.Discover(RealLogs.Bpic2013, source: "bpic2013_incidents.xes.gz"));

    [Fact]
    public void Discover_Helpdesk_StaffArePeopleSeenInEachHourOfTheWeek()
    {
        var log = RealLogs.Helpdesk;
        var model = Helpdesk.Value;
        var pool = Assert.Single(model.Pools);
        Assert.Equal(CapacityBasis.ResourcesSeen, pool.CapacityBasis);

        // By brute force: the distinct people per clock hour. An hour of the week in which someone was seen in at least
        // half the weeks the desk worked is a shift, with the mean number of people seen when it worked; another hour
        // has them as often as seen (people seen over weeks worked); an hour nobody was ever seen in has 0 or, in the
        // process's working hours, the mean of the others.
        var origin = model.Start;
        var seen = Enumerable.Range(0, log.EventCount).Where(e => log.Resources[e] >= 0)
            .Select(e => (Hour: (long)Math.Floor((log.Times[e] - origin.Ticks) / (double)TimeSpan.TicksPerHour), Person: log.Resources[e]))
            .Distinct()
            .ToList();
        double weeks = seen.Select(x => x.Hour / 168).Distinct().Count();
        var expected = seen.GroupBy(x => (int)(x.Hour % 168)).ToDictionary(g => g.Key, g =>
        {
            double hoursWorked = g.Select(x => x.Hour).Distinct().Count();
            return hoursWorked >= 0.5 * weeks ? g.Count() / hoursWorked : g.Count() / weeks;
        });
        var capacity = pool.Capacity.ToHourOfWeek();
        foreach (var (hour, value) in expected)
        {
            Assert.Equal(value, capacity[hour], 3);
        }

        double others = expected.Values.Average();
        Assert.All(Enumerable.Range(0, 168).Where(h => !expected.ContainsKey(h)), h => Assert.True(capacity[h] == 0 || Math.Abs(capacity[h] - others) < 1e-3));
        Assert.Contains(expected.Values, v => v < 1); // hours worked in a minority of weeks: someone there as often as seen

        // Never more than the 22 people of the desk, nor anything like 283.
        Assert.InRange(capacity.Max(), 1, 22);
        Assert.InRange(expected[(0 * 24) + 9], 1, 2.5); // Monday 09:00: a shift of one or two people
    }

    [Fact]
    public void Helpdesk_StaffingChanges_Bite()
    {
        var model = Helpdesk.Value;
        var options = new SimulationOptions { Replications = 10, Seed = 3, Horizon = TimeSpan.FromDays(365) };
        var asIs = Simulator.Run(model, options);
        Assert.True(asIs.Kpi(Kpis.WaitingMean)!.Estimate.Mean > 0); // there is a queue to shorten

        var more = Simulator.Compare(asIs, Simulator.Run(model, options, new Scenario("two more", [new ChangeStaff("Staff", 2)])));
        var fewer = Simulator.Compare(asIs, Simulator.Run(model, options, new Scenario("one fewer", [new ChangeStaff("Staff", -1)])));

        var moreWaiting = more.Single(c => c.Key == Kpis.WaitingMean);
        Assert.True(moreWaiting.Significant && moreWaiting.Difference.High < 0);
        var fewerWaiting = fewer.Single(c => c.Key == Kpis.WaitingMean);
        Assert.True(fewerWaiting.Significant && fewerWaiting.Difference.Low > 0);
        var fewerMedian = fewer.Single(c => c.Key == Kpis.ThroughputMedian);
        Assert.True(fewerMedian.Significant && fewerMedian.Difference.Low > 0);
        Assert.True(more.Single(c => c.Key == Kpis.UtilisationPrefix + "Staff").Difference.High < 0);
    }

    [Fact]
    public void Bpic2013_StaffingTheBusiestTeam_Bites()
    {
        var model = Bpic.Value;
        var options = new SimulationOptions { Replications = 10, Seed = 4, Horizon = TimeSpan.FromDays(180) };
        var asIs = Simulator.Run(model, options);

        // The team whose work waits longest for someone to be free, summed over the as-is replications.
        int busiest = Enumerable.Range(0, model.Pools.Count).Where(p => model.Pools[p].Capacity.Max > 1).MaxBy(p => asIs.Replications.Sum(r => r.PoolWaitingSeconds[p]));
        var team = model.Pools[busiest];
        Assert.Equal(CapacityBasis.ResourcesSeen, team.CapacityBasis);
        var more = Simulator.Compare(asIs, Simulator.Run(model, options, new Scenario("more", [new ChangeStaff(team.Name, 3)])));
        var fewer = Simulator.Compare(asIs, Simulator.Run(model, options, new Scenario("fewer", [new ChangeStaff(team.Name, -1)])));

        var moreWaiting = more.Single(c => c.Key == Kpis.WaitingMean);
        Assert.True(moreWaiting.Significant && moreWaiting.Difference.High < 0);
        var fewerWaiting = fewer.Single(c => c.Key == Kpis.WaitingMean);
        Assert.True(fewerWaiting.Significant && fewerWaiting.Difference.Low > 0);
    }

    [Fact]
    public void ChangeStaff_HoursLeftEmpty_AreFlagged_NobodyAtAll_IsRefused()
    {
        var model = Helpdesk.Value;
        var capacity = model.Pools[0].Capacity.ToHourOfWeek();
        int emptied = capacity.Count(c => c > 0 && c <= 1);

        var flags = ScenarioCheck.Flags(new Scenario("one fewer", [new ChangeStaff("Staff", -1)]), model);
        Assert.Contains($"nobody on shift in {emptied} of its {capacity.Count(c => c > 0)} working hours", Assert.Single(flags), StringComparison.Ordinal);

        var none = Assert.Throws<SimulationFileException>(() => ScenarioCheck.Check(new Scenario("nobody", [new ChangeStaff("Staff", -3)]), model));
        Assert.Contains("changes[0].change: removing 3 staff leaves 'Staff' with nobody on shift in any hour", none.Message, StringComparison.Ordinal);
        var zeroHours = Assert.Throws<SimulationFileException>(() => ScenarioCheck.Check(new Scenario("closed", [new ChangeHours("Staff", "Mon-Fri 09:00-17:00", 0)]), model));
        Assert.Contains("changes[0].staff: expected 1 or more staff", zeroHours.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_StaffGiven_ReplacesThePeopleSeen()
    {
        var model = ModelDiscovery.Discover(RealLogs.Helpdesk, new DiscoveryOptions { CapacityOverrides = new Dictionary<string, double> { ["Staff"] = 8 }, CalibrationReplications = 0 });

        var pool = Assert.Single(model.Pools);
        Assert.Equal(CapacityBasis.Given, pool.CapacityBasis);
        Assert.All(pool.Capacity.ToHourOfWeek(), c => Assert.True(c is 0 or 8));
        Assert.Equal(Helpdesk.Value.Pools[0].Capacity.ToHourOfWeek().Count(c => c > 0), pool.Capacity.ToHourOfWeek().Count(c => c > 0));
        Assert.Throws<ArgumentException>(() => ModelDiscovery.Discover(RealLogs.Helpdesk, new DiscoveryOptions { CapacityOverrides = new Dictionary<string, double> { ["Nobody"] = 3 } }));
        Assert.Throws<ArgumentException>(() => ModelDiscovery.Discover(RealLogs.Helpdesk, new DiscoveryOptions { CapacityOverrides = new Dictionary<string, double> { ["Staff"] = 0 } }));
    }

    [Fact]
    public void Discover_LogWithoutResources_SaysStaffCannotBeEstimated_AndStaffingChangesAreRefused()
    {
        var builder = new EventLogBuilder();
        var start = new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 60; i++)
        {
            builder.Add("c" + i, "Open", start.AddHours(i * 3)).Add("c" + i, "Close", start.AddHours((i * 3) + 1 + (i % 5)));
        }

        var model = ModelDiscovery.Discover(builder.Build());

        Assert.Empty(model.Pools);
        Assert.Contains(model.DiscoveredFrom!.Notes, n => n.StartsWith("Staff: the log names no one who did the work", StringComparison.Ordinal));
        var refused = Assert.Throws<SimulationFileException>(() => ScenarioCheck.Check(new Scenario("more", [new ChangeStaff("Staff", 1)]), model));
        Assert.Contains("the model has no pools of staff", refused.Message, StringComparison.Ordinal);
    }
}
