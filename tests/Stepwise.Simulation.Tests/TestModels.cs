using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Tests;

/// <summary>Small models built by hand, whose behaviour theory or arithmetic predicts.</summary>
internal static class TestModels
{
    /// <summary>A queue open round the clock: Poisson arrivals, one step served by a pool of <paramref name="servers"/>.</summary>
    public static SimulationModel Queue(double arrivalsPerHour, Distribution service, int servers, Distribution? patience = null, IReadOnlyList<double>? priorities = null, QueueDiscipline discipline = QueueDiscipline.Fifo) => new()
    {
        Name = "queue",
        Arrivals = new ArrivalModel { CasesPerHour = WeekProfile.Constant(arrivalsPerHour), PriorityShares = priorities ?? [] },
        Activities =
        [
            new ActivityModel { Name = "Serve", Duration = service, Pools = [new PoolAssignment("Servers", 1)], Patience = patience },
        ],
        Pools = [new PoolModel { Name = "Servers", Capacity = WeekProfile.Constant(servers), Discipline = discipline }],
        Routing = Chain(1, "Serve"),
    };

    /// <summary>Steps in a fixed order with constant durations (hours), performed by a pool large enough never to queue.</summary>
    public static SimulationModel Sequence(double arrivalsPerHour, double costPerHour, params (string Step, double Hours)[] steps) => new()
    {
        Name = "sequence",
        Arrivals = new ArrivalModel { CasesPerHour = WeekProfile.Constant(arrivalsPerHour) },
        Activities = [.. steps.Select(s => new ActivityModel { Name = s.Step, Duration = Distribution.Constant(s.Hours * 3600), Pools = [new PoolAssignment("Team", 1)] })],
        Pools = [new PoolModel { Name = "Team", Capacity = WeekProfile.Constant(100_000), CostPerHour = costPerHour }],
        Routing = Chain(1, [.. steps.Select(s => s.Step)]),
    };

    /// <summary>Routing that takes every case through <paramref name="steps"/> in order.</summary>
    public static RoutingModel Chain(int history, params string[] steps)
    {
        var rules = new List<RoutingRule> { new([], new Dictionary<string, double> { [steps[0]] = 1 }) };
        for (int i = 0; i < steps.Length; i++)
        {
            rules.Add(new RoutingRule([steps[i]], new Dictionary<string, double> { [i + 1 < steps.Length ? steps[i + 1] : RoutingModel.End] = 1 }));
        }

        return new RoutingModel { History = history, Rules = rules };
    }
}
