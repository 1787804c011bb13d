using Stepwise.Statistics.Sampling;

namespace Stepwise.Workbench.Sampling;

/// <summary>A sample checked against its population.</summary>
/// <param name="Population">Units in the population.</param>
/// <param name="Sample">Units in the sample file.</param>
/// <param name="Attributes">Each attribute's test and group balance.</param>
/// <param name="Weights">Raking weights per sample unit (id as shown, weight), when asked for.</param>
public sealed record CheckedSample(int Population, int Sample, IReadOnlyList<AttributeBalance> Attributes, IReadOnlyList<(string Id, double Weight)> Weights)
{
    /// <summary>Whether every attribute is representative at the 5% level with no under-represented group.</summary>
    public bool Representative => Attributes.All(a => !a.IsUnbalanced());
}
