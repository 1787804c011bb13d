namespace Stepwise.Steps.Satisfaction;

/// <summary>How satisfaction is compared across steps, rework, hand-overs and variants.</summary>
public sealed record SatisfactionOptions
{
    /// <summary>Confidence level of the intervals.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The false-discovery rate at which gaps are flagged (Benjamini-Hochberg over every factor tested).</summary>
    public double FalseDiscoveryRate { get; init; } = 0.05;

    /// <summary>The fewest scored cases each side of a comparison needs; factors with fewer are not tested.</summary>
    public int MinCases { get; init; } = 20;

    /// <summary>The attribute hand-overs are counted between (<c>org:resource</c> for people, or a team attribute).</summary>
    public string HandoverBy { get; init; } = "org:resource";

    /// <summary>The most hand-overs tested (the most frequent among scored cases).</summary>
    public int MaxHandovers { get; init; } = 30;

    /// <summary>How many of the most frequent variants are compared.</summary>
    public int Variants { get; init; } = 10;
}
