using Stepwise.Statistics.Sampling;

namespace Stepwise.Workbench.Sampling;

/// <summary>A drawn sample with the frame it was drawn from.</summary>
/// <param name="Frame">The population's units.</param>
/// <param name="Sample">The draw: units, strata, weights, seed.</param>
/// <param name="Strata">The stratum attributes.</param>
/// <param name="UnitIds">The id of each unit drawn as shown (a keyed pseudonym when a key was given).</param>
public sealed record DrawnSample(SamplingFrame Frame, StratifiedSample Sample, IReadOnlyList<string> Strata, IReadOnlyList<string> UnitIds);
