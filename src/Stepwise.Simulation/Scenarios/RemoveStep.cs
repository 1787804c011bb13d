namespace Stepwise.Simulation.Scenarios;

/// <summary>Cases no longer go through <paramref name="Step"/>; the rest of their path is unchanged.</summary>
public sealed record RemoveStep(string Step) : ScenarioChange;
