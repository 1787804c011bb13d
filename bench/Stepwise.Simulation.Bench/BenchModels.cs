using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Model;

namespace Stepwise.Simulation.Bench;

/// <summary>Models built in code for the benchmarks.</summary>
internal static class BenchModels
{
    /// <summary>A round-the-clock contact centre: Poisson calls, exponential service, exponential patience.</summary>
    public static SimulationModel ContactCentre(int agents, double callsPerHour, double meanServiceSeconds) => new()
    {
        Name = "bench contact centre",
        Arrivals = new ArrivalModel { CasesPerHour = WeekProfile.Constant(callsPerHour) },
        Activities =
        [
            new ActivityModel
            {
                Name = "Answer",
                Duration = Distribution.Exponential(meanServiceSeconds),
                Pools = [new PoolAssignment("Agents", 1)],
                Patience = Distribution.Exponential(300),
            },
        ],
        Pools = [new PoolModel { Name = "Agents", Capacity = WeekProfile.Constant(agents) }],
        Routing = new RoutingModel
        {
            History = 1,
            Rules =
            [
                new RoutingRule([], new Dictionary<string, double> { ["Answer"] = 1 }),
                new RoutingRule(["Answer"], new Dictionary<string, double> { [RoutingModel.End] = 1 }),
            ],
        },
    };
}
