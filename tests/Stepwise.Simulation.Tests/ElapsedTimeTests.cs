using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;

namespace Stepwise.Simulation.Tests;

/// <summary>
/// Steps whose time from due to done is given (the waiting that needs no staff and the work together), by case age and
/// next step: what the kernel does with them, on models whose outcome is known by arithmetic.
/// </summary>
public class ElapsedTimeTests
{
    private static readonly SimulationOptions Short = new() { Replications = 3, Seed = 5, Horizon = TimeSpan.FromDays(20) };

    /// <summary>
    /// Open (no time), Review (5 h, of which 1 h of work by the team), Reply: 1 h for cases younger than 2 h, 10 h for
    /// older ones. Every case is 5 h old when Reply is due, so takes 5 + 10 = 15 h.
    /// </summary>
    private static SimulationModel ByAge(int staff = 100) => new()
    {
        Name = "by age",
        Arrivals = new ArrivalModel { CasesPerHour = WeekProfile.Constant(0.5) },
        Activities =
        [
            new ActivityModel { Name = "Open", Duration = Distribution.Constant(0) },
            new ActivityModel { Name = "Review", Duration = Distribution.Constant(3600), Elapsed = Distribution.Constant(5 * 3600), Pools = [new PoolAssignment("Team", 1)] },
            new ActivityModel
            {
                Name = "Reply",
                Duration = Distribution.Constant(0),
                ElapsedByCase =
                [
                    new ElapsedRule { AgeFrom = 0, AgeTo = 2 * 3600, Elapsed = Distribution.Constant(3600) },
                    new ElapsedRule { AgeFrom = 2 * 3600, Elapsed = Distribution.Constant(10 * 3600) },
                ],
            },
        ],
        Pools = [new PoolModel { Name = "Team", Capacity = WeekProfile.Constant(staff) }],
        Routing = TestModels.Chain(1, "Open", "Review", "Reply"),
    };

    private static double Hours(SimulationResult result) => result.Kpi(Kpis.ThroughputMedian)!.Estimate.Mean / 3600;

    [Fact]
    public void Run_TimesByAge_EachCaseTakesTheTimeOfItsAge()
        => Assert.Equal(15, Hours(Simulator.Run(ByAge(), Short)), 0.05);

    [Fact]
    public void RemoveStep_ItsTimeIsSaved_TheStepsAfterItKeepTheirTimes()
    {
        // Without Review, Reply would be due at age 0 on the edited path (1 h): the case's age is counted on the path as
        // it would have run, so Reply keeps its 10 h and the scenario saves exactly Review's 5 h.
        var result = Simulator.Run(ByAge(), Short, new Scenario("no review", [new RemoveStep("Review")]));

        Assert.Equal(10, Hours(result), 0.05);
    }

    [Fact]
    public void AutomateStep_ReplacesTheTimeButStillAgesTheCase()
        => Assert.Equal(10 + 0.5, Hours(Simulator.Run(ByAge(), Short, new Scenario("automated", [new AutomateStep("Review", Distribution.Constant(1800))]))), 0.05);

    [Fact]
    public void Work_IsThePartOfTheTimeThatNeedsStaff()
    {
        // Review's hour of work is inside its 5 h: 20 days x 12 cases a day x 1 h of the team's 100 x 480 staff-hours.
        var result = Simulator.Run(ByAge(), Short);
        double staffHours = 100 * 20 * 24;
        double expected = 20 * 24 * 0.5 * 1 / staffHours;
        Assert.Equal(expected, result.Kpi(Kpis.UtilisationPrefix + "Team")!.Estimate.Mean, 0.15 * expected);
        Assert.All(result.Replications, r => Assert.Equal(r.StepExecutions[1] * 4 * 3600.0, r.StepDelaySeconds[1], 1e-3));
    }

    [Fact]
    public void Staff_QueueingComesOnTopOfTheTime_AndFewerStaffLengthenIt()
    {
        // One person for 0.5 cases an hour of 1 h work each: a queue (M/D/1 at 50%) before the work, so cases take
        // longer than 15 h on average; with 5 people almost nobody waits.
        var options = new SimulationOptions { Replications = 6, Seed = 2, Horizon = TimeSpan.FromDays(60) };
        var one = Simulator.Run(ByAge(staff: 1), options);
        var five = Simulator.Run(ByAge(staff: 5), options);

        double waitOne = one.Kpi(Kpis.WaitingMean)!.Estimate.Mean, waitFive = five.Kpi(Kpis.WaitingMean)!.Estimate.Mean;

        // M/D/1: mean wait = ρ / (2μ(1 - ρ)) = 0.5 / (2 x (1/3600) x 0.5) = 1,800 s (Poisson arrivals, constant work).
        Assert.Equal(1800, waitOne, 0.15 * 1800);
        Assert.True(waitFive < 0.05 * waitOne);
    }

    [Fact]
    public void FirstStep_TakesNoTime_AsInALogWhereTheCaseStartsWithIt()
    {
        var model = ByAge() with { Routing = TestModels.Chain(1, "Review", "Reply") };

        // Review is the first step: its 5 h lie before the case's start; Reply is then due at age 0 (1 h).
        Assert.Equal(1, Hours(Simulator.Run(model, Short)), 0.05);
    }

    [Fact]
    public void Continuation_WhoeverDidTheStepBeforeCarriesOn_WithoutWaitingForThePool()
    {
        // Nobody of the team is ever on shift except on Mondays 09:00-10:00; Review needs an hour of work. Handed over,
        // a case waits for Monday; carried on by whoever did the step before, it does not wait at all.
        var closed = WeekProfile.FromHourOfWeek([.. Enumerable.Range(0, 168).Select(h => h == 9 ? 1.0 : 0.0)]);
        var model = ByAge() with { Pools = [new PoolModel { Name = "Team", Capacity = closed }] };
        var options = new SimulationOptions { Replications = 3, Seed = 6, Horizon = TimeSpan.FromDays(28) };

        var handedOver = Simulator.Run(model, options);
        var carriedOn = Simulator.Run(model with { Activities = [.. model.Activities.Select(a => a.Name == "Review" ? a with { Continuation = 1 } : a)] }, options);

        Assert.True(handedOver.Kpi(Kpis.WaitingMean)!.Estimate.Mean > 24 * 3600);
        Assert.Equal(0, carriedOn.Kpi(Kpis.WaitingMean)!.Estimate.Mean, 6);
        Assert.Equal(15, Hours(carriedOn), 0.05);
    }

    [Fact]
    public void ZeroWork_NeedsNobody()
    {
        // Review's time is all waiting (no work): cases never wait for the team, even with nobody ever on shift.
        var model = ByAge() with
        {
            Activities = [.. ByAge().Activities.Select(a => a.Name == "Review" ? a with { Duration = Distribution.Constant(0) } : a)],
            Pools = [new PoolModel { Name = "Team", Capacity = WeekProfile.FromHourOfWeek([.. Enumerable.Range(0, 168).Select(h => h == 9 ? 1.0 : 0.0)]) }],
        };

        var result = Simulator.Run(model, Short);

        Assert.Equal(0, result.Kpi(Kpis.WaitingMean)!.Estimate.Mean, 6);
        Assert.Equal(15, Hours(result), 0.05);
    }

    [Fact]
    public void NextStep_ChoosesTheRule()
    {
        // Check takes 2 h when Approve follows, 20 h when the case ends after it; half the cases go each way.
        var model = new SimulationModel
        {
            Name = "by next step",
            Arrivals = new ArrivalModel { CasesPerHour = WeekProfile.Constant(1) },
            Activities =
            [
                new ActivityModel { Name = "Open", Duration = Distribution.Constant(0) },
                new ActivityModel
                {
                    Name = "Check",
                    Duration = Distribution.Constant(0),
                    ElapsedByCase =
                    [
                        new ElapsedRule { Next = "Approve", Elapsed = Distribution.Constant(2 * 3600) },
                        new ElapsedRule { Next = RoutingModel.End, Elapsed = Distribution.Constant(20 * 3600) },
                    ],
                },
                new ActivityModel { Name = "Approve", Duration = Distribution.Constant(0) },
            ],
            Routing = new RoutingModel
            {
                History = 1,
                Rules =
                [
                    new RoutingRule([], new Dictionary<string, double> { ["Open"] = 1 }),
                    new RoutingRule(["Open"], new Dictionary<string, double> { ["Check"] = 1 }),
                    new RoutingRule(["Check"], new Dictionary<string, double> { ["Approve"] = 0.5, [RoutingModel.End] = 0.5 }),
                    new RoutingRule(["Approve"], new Dictionary<string, double> { [RoutingModel.End] = 1 }),
                ],
            },
        };

        var result = Simulator.Run(model, new SimulationOptions { Replications = 4, Seed = 9, Horizon = TimeSpan.FromDays(40) });

        // Half the cases take 2 h, half 20 h: the 25th percentile is 2 h, the 75th 20 h, none in between.
        var pooled = result.PooledThroughput();
        Assert.Equal(2 * 3600, pooled.Quantile(0.25), 0.01 * 2 * 3600);
        Assert.Equal(20 * 3600, pooled.Quantile(0.75), 0.01 * 20 * 3600);
        Assert.Equal(0.5, pooled.Cdf(10 * 3600), 0.03);
    }

    [Fact]
    public void ModelFile_RulesRoundTripAndAreChecked()
    {
        string json = ModelFile.ToJson(ByAge());
        Assert.Contains("\"elapsedByCase\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ModelFile.ToJson(ModelFile.Parse(json, "m.json")));

        var bad = ByAge() with
        {
            Activities = [.. ByAge().Activities.Select(a => a.Name == "Reply" ? a with { ElapsedByCase = [new ElapsedRule { Next = "Nowhere", Elapsed = Distribution.Constant(1) }] } : a)],
        };
        var problem = Assert.Throws<SimulationFileException>(() => ModelFile.Check(bad));
        Assert.Contains("activities[2].elapsedByCase[0].next: 'Nowhere' is not one of the steps", problem.Message, StringComparison.Ordinal);
    }
}
