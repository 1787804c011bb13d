namespace Stepwise.Review.Quality;

/// <summary>One group of an attribute in a sample check.</summary>
/// <param name="Group">The group, e.g. Business.</param>
/// <param name="Population">Units of the population in it.</param>
/// <param name="PopulationShare">Its share of the population.</param>
/// <param name="Sample">Units of the sample in it.</param>
/// <param name="SampleShare">Its share of the sample.</param>
/// <param name="StandardisedDifference">Sample share minus population share over the population's standard error of a share.</param>
/// <param name="UnderRepresented">Whether it is under-represented (or absent).</param>
/// <param name="Weight">The post-stratification weight (population share / sample share); null when absent.</param>
public sealed record GroupCheck(string Group, int Population, double PopulationShare, int Sample, double SampleShare, double StandardisedDifference, bool UnderRepresented, double? Weight);
