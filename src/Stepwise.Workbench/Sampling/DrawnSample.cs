using System.Globalization;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Workbench.Sampling;

/// <summary>A drawn sample with the frame it was drawn from.</summary>
/// <param name="Frame">The population's units.</param>
/// <param name="Sample">The draw: units, strata, weights, seed.</param>
/// <param name="Strata">The stratum attributes.</param>
/// <param name="UnitIds">The id of each unit drawn as shown (a keyed pseudonym when a key was given).</param>
public sealed record DrawnSample(SamplingFrame Frame, StratifiedSample Sample, IReadOnlyList<string> Strata, IReadOnlyList<string> UnitIds)
{
    /// <summary>
    /// What the sample leaves out: the strata that hold units of the population but got none at this size (many small
    /// strata, as with one stratum per process variant, share out fewer units than there are strata), with the units
    /// they hold; null when every stratum has units. The sample says nothing about them, and its weights add up to the
    /// rest of the population only.
    /// </summary>
    public string? Coverage()
    {
        int strata = 0;
        long units = 0, population = 0;
        foreach (var s in Sample.Strata)
        {
            population += s.PopulationCount;
            if (s.PopulationCount > 0 && s.SampleCount == 0)
            {
                strata++;
                units += s.PopulationCount;
            }
        }

        if (strata == 0)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{strata:N0} of {Sample.Strata.Count:N0} strata ({units:N0} of {population:N0} units, {100.0 * units / Math.Max(1, population):0.0}% of the population) {(strata == 1 ? "gets" : "get")} no unit at this size, so the sample says nothing about {(strata == 1 ? "it" : "them")}: draw a larger sample, stratify by fewer or coarser attributes, or allocate equally.");
    }
}
