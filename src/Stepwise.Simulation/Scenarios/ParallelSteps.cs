namespace Stepwise.Simulation.Scenarios;

/// <summary>The first occurrences of <paramref name="Steps"/> in a case run at the same time, where the earliest of them
/// was; the case goes on when all have finished.</summary>
public sealed record ParallelSteps(IReadOnlyList<string> Steps) : ScenarioChange;
