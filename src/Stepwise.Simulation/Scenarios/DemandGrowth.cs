namespace Stepwise.Simulation.Scenarios;

/// <summary>Arrivals are multiplied by <paramref name="Factor"/> (1.1 is 10% growth).</summary>
public sealed record DemandGrowth(double Factor) : ScenarioChange;
