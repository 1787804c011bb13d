namespace Stepwise.Simulation.Distributions;

/// <summary>The outcome of fitting a sample: every family tried, and the one chosen.</summary>
/// <param name="Chosen">The distribution to simulate with.</param>
/// <param name="Candidates">Every parametric family tried, best fit first.</param>
/// <param name="Count">How many values the sample had.</param>
/// <param name="CriticalDistance">The Kolmogorov-Smirnov distance a parametric family had to stay within (5% level)
/// to be chosen over the empirical distribution.</param>
/// <param name="Reason">Why <paramref name="Chosen"/> was chosen, in words.</param>
public sealed record FitResult(Distribution Chosen, IReadOnlyList<FitCandidate> Candidates, int Count, double CriticalDistance, string Reason);
