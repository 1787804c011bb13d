namespace Stepwise.Statistics.Sampling;

/// <summary>One stratum of a stratified sample.</summary>
/// <param name="Label">The stratum (attribute values joined by " | ").</param>
/// <param name="PopulationCount">Units of the frame in the stratum.</param>
/// <param name="SampleCount">Units drawn from it.</param>
/// <param name="StandardDeviation">The standard deviation used for optimal allocation (NaN otherwise).</param>
/// <param name="Weight">The design weight of each unit drawn: population count / sample count.</param>
public sealed record Stratum(string Label, int PopulationCount, int SampleCount, double StandardDeviation, double Weight);
