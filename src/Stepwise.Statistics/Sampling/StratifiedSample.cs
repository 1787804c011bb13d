namespace Stepwise.Statistics.Sampling;

/// <summary>A stratified random sample drawn from a frame.</summary>
/// <param name="Units">Indexes into the frame of the units drawn, in stratum order then draw order.</param>
/// <param name="UnitStrata">The stratum (index into <paramref name="Strata"/>) of each unit drawn.</param>
/// <param name="Strata">The strata, with sizes and weights.</param>
/// <param name="Allocation">How the sample was shared among strata.</param>
/// <param name="Seed">The seed it was drawn with: the same frame, options and seed draw the same sample.</param>
/// <param name="UnitsWithoutStratum">Frame units left out because an attribute of theirs was missing.</param>
public sealed record StratifiedSample(IReadOnlyList<int> Units, IReadOnlyList<int> UnitStrata, IReadOnlyList<Stratum> Strata, Allocation Allocation, long Seed, int UnitsWithoutStratum);
