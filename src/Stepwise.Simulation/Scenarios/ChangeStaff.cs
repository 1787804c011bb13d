namespace Stepwise.Simulation.Scenarios;

/// <summary>Adds (positive) or removes (negative) staff in every working hour of <paramref name="Pool"/>. An hour left
/// with nobody is outside the pool's working hours (the run's notes say how many); a change that leaves nobody in any
/// hour is refused.</summary>
public sealed record ChangeStaff(string Pool, int Change) : ScenarioChange;
