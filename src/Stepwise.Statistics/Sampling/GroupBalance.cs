namespace Stepwise.Statistics.Sampling;

/// <summary>One group (attribute value) of a representativeness check.</summary>
/// <param name="Label">The attribute value.</param>
/// <param name="PopulationCount">Units of the population with it.</param>
/// <param name="PopulationShare">Their share of the population (units with the attribute missing excluded).</param>
/// <param name="SampleCount">Units of the sample with it.</param>
/// <param name="SampleShare">Their share of the sample.</param>
/// <param name="StandardisedDifference">(sample share - population share) / sqrt((p_s(1 - p_s) + p_p(1 - p_p)) / 2);
/// |d| of 0.1 or more is the usual threshold of imbalance (Austin, 2009).</param>
/// <param name="UnderRepresented">Whether the group is under-represented: d at or below -0.1, or absent from the sample.</param>
/// <param name="Weight">The post-stratification weight for the group's units: population share / sample share
/// (NaN when the sample has none: no weight can make up for a missing group).</param>
public sealed record GroupBalance(string Label, int PopulationCount, double PopulationShare, int SampleCount, double SampleShare, double StandardisedDifference, bool UnderRepresented, double Weight);
