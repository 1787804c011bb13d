namespace Stepwise.Simulation.Scenarios;

/// <summary>Re-sequencing: in a case where <paramref name="Step"/> comes after <paramref name="Before"/>, its first such
/// occurrence is done just before <paramref name="Before"/> instead.</summary>
public sealed record MoveStep(string Step, string Before) : ScenarioChange;
