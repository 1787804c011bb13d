using Stepwise.Simulation.Distributions;

namespace Stepwise.Simulation.Scenarios;

/// <summary><paramref name="Step"/> is done by a system: no staff, a new duration, a cost per execution.</summary>
public sealed record AutomateStep(string Step, Distribution Duration, double CostPerExecution = 0) : ScenarioChange;
