using Stepwise.Review.Quality;
using Stepwise.Statistics.Sampling;
using Stepwise.Web.Api.Quality;

namespace Stepwise.Web.Api.Files;

/// <summary>A sample drawn from an uploaded population.</summary>
/// <param name="Population">The population file's name.</param>
/// <param name="PopulationSize">Units in it.</param>
/// <param name="Strata">The stratum attributes.</param>
/// <param name="Allocation">proportional, optimal or equal.</param>
/// <param name="Seed">The seed (the same seed draws the same sample).</param>
/// <param name="StrataDrawn">Each stratum's population, sample and design weight.</param>
/// <param name="UnitsWithoutStratum">Units left out because a stratum attribute was missing.</param>
/// <param name="Units">The id of each unit drawn (a keyed pseudonym when a key was given).</param>
public sealed record SampleDrawView(string Population, int PopulationSize, IReadOnlyList<string> Strata, string Allocation, long Seed, IReadOnlyList<SampleStratum> StrataDrawn, int UnitsWithoutStratum, IReadOnlyList<string> Units);

/// <summary>A sample checked against an uploaded population.</summary>
/// <param name="Population">Units in the population.</param>
/// <param name="Sample">Units in the sample file.</param>
/// <param name="Representative">Whether every attribute is representative at the 5% level with no under-represented group.</param>
/// <param name="Attributes">Per attribute: the chi-square test and each group's shares.</param>
/// <param name="Weights">Raking weights per sample unit, when asked for.</param>
public sealed record SampleCheckView(int Population, int Sample, bool Representative, IReadOnlyList<AttributeCheck> Attributes, IReadOnlyList<UnitWeight> Weights);

/// <summary>The engine's balance of an attribute in the review's words (the same record a kept sample's check holds).</summary>
internal static class QualityChecks
{
    public static AttributeCheck Of(AttributeBalance a) => new(
        a.Attribute,
        Finite(a.Test?.Statistic),
        a.Test is null ? null : (int)a.Test.DegreesOfFreedom,
        Finite(a.Test?.PValue),
        Finite(a.Test?.EffectSize),
        !a.IsUnbalanced(),
        [.. a.Groups.Select(g => new GroupCheck(g.Label, g.PopulationCount, g.PopulationShare, g.SampleCount, g.SampleShare, double.IsFinite(g.StandardisedDifference) ? g.StandardisedDifference : 0, g.UnderRepresented, Finite(g.Weight)))]);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
