namespace Stepwise.Simulation.Distributions;

/// <summary>One family fitted to a sample, with its goodness of fit.</summary>
/// <param name="Distribution">The fitted distribution (maximum likelihood for parametric families).</param>
/// <param name="KsDistance">The Kolmogorov-Smirnov distance between the sample and the fitted distribution function.</param>
public sealed record FitCandidate(Distribution Distribution, double KsDistance);
