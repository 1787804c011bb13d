using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;

namespace Stepwise.Simulation.Tests;

/// <summary>Scenarios on models whose outcome is known by arithmetic: constant durations, no queueing.</summary>
public class ScenarioTests
{
    private static readonly SimulationOptions Short = new() { Replications = 3, Seed = 3, Horizon = TimeSpan.FromDays(20) };

    // Receive 1 h, Check 2 h, Reply 0.5 h, one after the other: every case takes 3.5 h.
    private static SimulationModel ThreeSteps(double costPerHour = 0) => TestModels.Sequence(2, costPerHour, ("Receive", 1), ("Check", 2), ("Reply", 0.5));

    private static double Throughput(Scenario? scenario, SimulationModel? model = null)
    {
        var result = Simulator.Run(model ?? ThreeSteps(), Short, scenario);
        var median = result.Kpi(Kpis.ThroughputMedian)!.Estimate.Mean;
        var p90 = result.Kpi(Kpis.ThroughputP90)!.Estimate.Mean;
        Assert.Equal(median, p90, 0.01 * median); // constant durations: every case takes the same time
        return median / 3600;
    }

    [Fact]
    public void AsIs_ConstantSteps_EveryCaseTakesTheSum()
        => Assert.Equal(3.5, Throughput(null), 0.02);

    [Fact]
    public void RemoveStep_Check_TakesItsTwoHoursOff()
        => Assert.Equal(1.5, Throughput(new Scenario("no check", [new RemoveStep("Check")])), 0.01);

    [Fact]
    public void ParallelSteps_CheckAndReply_TakeTheLongerOfTheTwo()
        => Assert.Equal(3.0, Throughput(new Scenario("parallel", [new ParallelSteps(["Check", "Reply"])])), 0.015);

    [Fact]
    public void MergeSteps_WithoutDuration_KeepsTheSum_WithDuration_UsesIt()
    {
        Assert.Equal(3.5, Throughput(new Scenario("merged", [new MergeSteps("Receive", "Check")])), 0.02);
        Assert.Equal(0.75, Throughput(new Scenario("merged fast", [new MergeSteps("Receive", "Check", "Triage", Distribution.Constant(900))])), 0.005);
    }

    [Fact]
    public void AutomateStep_NewDurationAndCost()
    {
        // Staff cost 60 per hour: as-is 3.5 h = 210 per case. Automating Check (1 minute, 0.5 per execution):
        // 1.5 h of staff = 90, plus 0.5.
        var model = ThreeSteps(costPerHour: 60);
        var asIs = Simulator.Run(model, Short);
        var automated = Simulator.Run(model, Short, new Scenario("bot", [new AutomateStep("Check", Distribution.Constant(60), 0.5)]));
        Assert.Equal(210, asIs.Kpi(Kpis.CostPerCase)!.Estimate.Mean, 1e-6);
        Assert.Equal(90.5, automated.Kpi(Kpis.CostPerCase)!.Estimate.Mean, 1e-6);
        Assert.Equal(1.5 + (1.0 / 60), automated.Kpi(Kpis.ThroughputMedian)!.Estimate.Mean / 3600, 0.01);
    }

    [Fact]
    public void MoveStep_ReplyBeforeCheck_ChangesTheOrderNotTheTotal()
    {
        // Reply (0.5 h) then Check (2 h) in parallel with nothing: the total stays 3.5 h; with Reply moved first and
        // then run in parallel with Receive, the case takes max(1, 0.5) + 2 = 3 h, which shows the order changed.
        Assert.Equal(3.5, Throughput(new Scenario("reply first", [new MoveStep("Reply", "Check")])), 0.02);
        Assert.Equal(3.0, Throughput(new Scenario("reply first, with receive", [new MoveStep("Reply", "Receive"), new ParallelSteps(["Receive", "Reply"])])), 0.015);
    }

    [Fact]
    public void ReduceRework_HalvesTheLoopProbability()
    {
        // Do, then Review: back to Do with probability 0.5. Expected Do per case: 1 / (1 - 0.5) = 2; reduced by half
        // (0.25): 1 / 0.75 = 1.333.
        var model = TestModels.Sequence(4, 0, ("Do", 0.1), ("Review", 0.1)) with
        {
            Routing = new RoutingModel
            {
                History = 1,
                Rules =
                [
                    new RoutingRule([], new Dictionary<string, double> { ["Do"] = 1 }),
                    new RoutingRule(["Do"], new Dictionary<string, double> { ["Review"] = 1 }),
                    new RoutingRule(["Review"], new Dictionary<string, double> { ["Do"] = 0.5, [RoutingModel.End] = 0.5 }),
                ],
            },
        };
        var options = new SimulationOptions { Replications = 4, Seed = 2, Horizon = TimeSpan.FromDays(60) };
        double PerCase(SimulationResult r) => r.Replications.Sum(x => (double)x.StepExecutions[0]) / r.Replications.Sum(x => (double)x.Arrivals);
        Assert.Equal(2.0, PerCase(Simulator.Run(model, options)), 0.04);
        Assert.Equal(4.0 / 3, PerCase(Simulator.Run(model, options, new Scenario("less rework", [new ReduceRework("Review", "Do", 0.5)]))), 0.03);
    }

    [Fact]
    public void SelfServiceAndDemandGrowth_ScaleArrivals()
    {
        var model = ThreeSteps();
        var options = new SimulationOptions { Replications = 4, Seed = 4, Horizon = TimeSpan.FromDays(100) };
        double Arrivals(Scenario? s) => Simulator.Run(model, options, s).Replications.Average(r => (double)r.Arrivals);
        double asIs = Arrivals(null);
        Assert.Equal(2 * 24 * 100, asIs, 0.03 * 4800); // 2 cases per hour for 100 days
        Assert.Equal(0.7, Arrivals(new Scenario("self", [new SelfService(0.3)])) / asIs, 0.03);
        Assert.Equal(1.5, Arrivals(new Scenario("growth", [new DemandGrowth(1.5)])) / asIs, 0.03);
    }

    [Fact]
    public void ChangeHours_StaffTimeIsHoursTimesStaff()
    {
        // Three staff working Mon-Fri 09:00-17:00 for 4 whole weeks starting on a Monday: 3 x 40 h x 4 staff-hours.
        var model = TestModels.Queue(1, Distribution.Exponential(600), 1) with { Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var result = Simulator.Run(model, new SimulationOptions { Replications = 2, Horizon = TimeSpan.FromDays(28) }, new Scenario("office hours", [new ChangeHours("Servers", "Mon-Fri 09:00-17:00", 3)]));
        Assert.All(result.Replications, r => Assert.Equal(3 * 40 * 4 * 3600.0, r.PoolStaffSeconds[0], 1e-6));
    }

    [Fact]
    public void ChangeStaff_OneMoreServer_CutsWaitingSignificantly()
    {
        var model = TestModels.Queue(40, Distribution.Exponential(360), 5);
        var options = new SimulationOptions { Replications = 10, Seed = 1, Horizon = TimeSpan.FromDays(30) };
        var asIs = Simulator.Run(model, options);
        var more = Simulator.Run(model, options, new Scenario("one more", [new ChangeStaff("Servers", 1)]));
        var waiting = Simulator.Compare(asIs, more).Single(c => c.Key == Kpis.WaitingMean);
        Assert.True(waiting.Significant);
        Assert.True(waiting.Difference.High < 0);
        Assert.True(more.Kpi(Kpis.UtilisationPrefix + "Servers")!.Estimate.Mean < asIs.Kpi(Kpis.UtilisationPrefix + "Servers")!.Estimate.Mean);

        // The same model against itself: no difference at all (paired replications share their random streams).
        var same = Simulator.Compare(asIs, Simulator.Run(model, options));
        Assert.All(same, c => Assert.False(c.Significant));
    }

    [Fact]
    public void Utilisation_MmcQueue_IsTheOfferedLoadPerServer()
    {
        // λ/(cμ) = 40 / 50 = 0.8.
        var result = Simulator.Run(TestModels.Queue(40, Distribution.Exponential(360), 5), new SimulationOptions { Replications = 4, Seed = 4, Horizon = TimeSpan.FromDays(200) });
        Assert.Equal(0.8, result.Kpi(Kpis.UtilisationPrefix + "Servers")!.Estimate.Mean, 0.01);
    }

    [Fact]
    public void Check_UnknownStepOrPool_NamesTheField()
    {
        var model = ThreeSteps();
        var ex = Assert.Throws<SimulationFileException>(() => ScenarioCheck.Check(new Scenario("x", [new RemoveStep("Chekc")]), model, "what-if.json"));
        Assert.Contains("what-if.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("changes[0].step", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Chekc' is not a step", ex.Message, StringComparison.Ordinal);
        var pool = Assert.Throws<SimulationFileException>(() => ScenarioCheck.Check(new Scenario("x", [new ChangeStaff("Nobody", 1)]), model));
        Assert.Contains("changes[0].pool", pool.Message, StringComparison.Ordinal);
        var share = Assert.Throws<SimulationFileException>(() => ScenarioCheck.Check(new Scenario("x", [new SelfService(1.5)]), model));
        Assert.Contains("changes[0].share", share.Message, StringComparison.Ordinal);
    }
}
