namespace Stepwise.Simulation.Scenarios;

/// <summary>The probability of going from <paramref name="From"/> back to <paramref name="To"/> (a rework loop) is
/// reduced by the share <paramref name="Reduction"/> (0.5 halves it); the other routes share what is freed.</summary>
public sealed record ReduceRework(string From, string To, double Reduction) : ScenarioChange;
