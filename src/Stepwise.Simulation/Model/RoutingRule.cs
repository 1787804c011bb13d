namespace Stepwise.Simulation.Model;

/// <summary>
/// Where a case goes after a given history of steps: the probability of each next step, or of ending
/// (<see cref="RoutingModel.End"/>). An empty history gives the first step of a case.
/// </summary>
/// <param name="After">The last steps of the case, oldest first (up to <see cref="RoutingModel.History"/> of them).</param>
/// <param name="Next">Probability of each next step (or of the end); they add up to 1.</param>
/// <param name="Observed">How many times the history was observed in the log (0 when written by hand).</param>
public sealed record RoutingRule(IReadOnlyList<string> After, IReadOnlyDictionary<string, double> Next, int Observed = 0);
