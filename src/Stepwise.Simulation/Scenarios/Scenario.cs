namespace Stepwise.Simulation.Scenarios;

/// <summary>A what-if scenario: a named set of improvement options applied together to the as-is model.</summary>
/// <param name="Name">A short name shown beside the as-is results.</param>
/// <param name="Changes">The changes, applied in order.</param>
/// <param name="Description">What the scenario stands for, in the user's words.</param>
public sealed record Scenario(string Name, IReadOnlyList<ScenarioChange> Changes, string? Description = null);
