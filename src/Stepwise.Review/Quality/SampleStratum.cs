namespace Stepwise.Review.Quality;

/// <summary>One stratum of a drawn sample.</summary>
/// <param name="Label">The stratum, e.g. "Business | Loyal Customer".</param>
/// <param name="Population">Units of the population in it.</param>
/// <param name="Sample">Units drawn from it.</param>
/// <param name="Weight">The design weight (population / sample); null when nothing was drawn from it.</param>
public sealed record SampleStratum(string Label, int Population, int Sample, double? Weight);
