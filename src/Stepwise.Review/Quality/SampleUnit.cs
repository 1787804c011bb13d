namespace Stepwise.Review.Quality;

/// <summary>One unit of a drawn sample, as the units file holds it.</summary>
/// <param name="Id">The unit's id as written (a keyed pseudonym when the sample is pseudonymised).</param>
/// <param name="Attributes">The value of each strata attribute, in the order of the sample's strata (null when
/// missing).</param>
/// <param name="Stratum">The stratum it was drawn from (a label of <see cref="QualitySample.StrataDrawn"/>).</param>
public sealed record SampleUnit(string Id, IReadOnlyList<string?> Attributes, string Stratum);
