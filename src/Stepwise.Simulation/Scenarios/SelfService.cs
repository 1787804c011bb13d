namespace Stepwise.Simulation.Scenarios;

/// <summary>A share of arrivals is served by self-service and never enters the process.</summary>
public sealed record SelfService(double Share) : ScenarioChange;
