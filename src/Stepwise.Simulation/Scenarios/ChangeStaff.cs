namespace Stepwise.Simulation.Scenarios;

/// <summary>Adds (positive) or removes (negative) staff in every working hour of <paramref name="Pool"/>
/// (never below one in a working hour).</summary>
public sealed record ChangeStaff(string Pool, int Change) : ScenarioChange;
